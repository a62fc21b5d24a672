/**
 * What a visitor needs before downloading: the kind of file and how big it is.
 * The stored MIME type decides the kind (uploads are sniffed from their bytes);
 * the file name's extension is only a fallback for types not in the table.
 */
const KIND_BY_MIME: Record<string, string> = {
  "application/pdf": "PDF",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.ms-powerpoint": "PPT",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
  "application/zip": "ZIP",
  "application/x-cfb": "DOC",
  "text/plain": "TXT",
  "text/csv": "CSV",
  "image/jpeg": "JPG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/webp": "WEBP",
};

export function fileKind(mimeType: string, fileName: string): string {
  const known = KIND_BY_MIME[mimeType.toLowerCase()];
  if (known) return known;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName.split(/[?#]/)[0])?.[1];
  return ext ? ext.toUpperCase() : "文件";
}

/** 1,234,567 → "1.2 MB"; binary units, as file managers on Windows show them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1023.5 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${units[unit]}`;
}
