/** The icon of a file in a deal room: a coloured badge by kind, labelled with its type. */
export function fileKind(mime: string): { kind: 'pdf' | 'doc' | 'sheet' | 'image' | 'other'; label: string } {
  switch (mime) {
    case 'application/pdf':
      return { kind: 'pdf', label: 'PDF' };
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return { kind: 'doc', label: 'DOCX' };
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return { kind: 'sheet', label: 'XLSX' };
    case 'image/png':
      return { kind: 'image', label: 'PNG' };
    case 'image/jpeg':
      return { kind: 'image', label: 'JPG' };
    default:
      return { kind: 'other', label: 'FILE' };
  }
}
