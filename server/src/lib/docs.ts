import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express from 'express';
import type { ApiRouter } from './api-router';
import { buildOpenApi } from './openapi';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>科转 Kezhuan API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<style>body{margin:0} .kz-top{padding:12px 20px;background:#1f4e8c;color:#fff;font:16px/1.4 system-ui,"Noto Sans CJK SC",sans-serif}</style>
</head>
<body>
<div class="kz-top">科转 · 吉林省科技成果转化对接平台 — 开放接口文档 (OpenAPI 3.1) · <a style="color:#fff" href="/api/openapi.json">openapi.json</a></div>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/**
 * Swagger UI's files. Not `import { getAbsoluteFSPath } from 'swagger-ui-dist'`: its index loads the
 * whole 1.5 MB browser bundle into the server to return a path (measured: the slowest import of a start).
 */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Serves the OpenAPI document and a readable Swagger UI page, with no external resources. */
export function docsRoutes(api: ApiRouter, version: string): void {
  let openapi: Record<string, unknown> | undefined;
  api.router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d' }));
  api.add({
    method: 'get', path: '/openapi.json', tag: 'platform', access: 'public', raw: true,
    summary: 'This OpenAPI 3.1 document',
    handler: (_in, _req, res) => {
      // Built on first use, when every route has been added.
      openapi ??= buildOpenApi(api.routes, version);
      res.json(openapi);
    },
  });
  api.add({
    method: 'get', path: '/docs', tag: 'platform', access: 'public', raw: true,
    summary: 'Readable API documentation (Swagger UI)',
    handler: (_in, _req, res) => {
      res.type('html').send(PAGE);
    },
  });
  api.add({
    method: 'get', path: '/docs/init.js', tag: 'platform', access: 'public', raw: true,
    summary: 'Start-up script of the documentation page',
    handler: (_in, _req, res) => {
      res.type('application/javascript').send(INIT);
    },
  });
}
