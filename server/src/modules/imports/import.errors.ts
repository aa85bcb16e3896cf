/** Problems found while reading an import file. */

/** One line of an import's error report. `row` 0 is the file as a whole. */
export interface RowError {
  row: number;
  field: string;
  message: string;
  messageEn: string;
}

/** The file as a whole cannot be imported (unreadable, wrong encoding, bad header): the job fails with this. */
export class ImportFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly row = 0,
    readonly field = '文件 file',
  ) {
    super(en);
  }

  toRowError(): RowError {
    return { row: this.row, field: this.field, message: this.zh, messageEn: this.en };
  }
}
