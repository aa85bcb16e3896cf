import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded on first use: only imports, exports and templates need it, and loading it cost
 * every start of the server ~0.2 s (the largest package it imports). Synchronous (CommonJS), so
 * callers stay as they were.
 */
export function excel(): typeof ExcelJS {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
