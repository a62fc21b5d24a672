import { describe, expect, it } from "vitest";
import { fileKind, fileSize } from "@/components/site/attachment-meta";

describe("attachment labels", () => {
  it("names the file type from the stored MIME type, falling back to the extension", () => {
    expect(fileKind("application/pdf", "/uploads/2026/abc.pdf")).toBe("PDF");
    expect(fileKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "x.docx")).toBe("DOCX");
    expect(fileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "x")).toBe("XLSX");
    expect(fileKind("application/octet-stream", "/uploads/a/b.ofd?x=1")).toBe("OFD");
    expect(fileKind("application/octet-stream", "/uploads/a/noext")).toBe("文件");
  });

  it("shows sizes the way file managers do", () => {
    expect(fileSize(0)).toBe("0 B");
    expect(fileSize(1023)).toBe("1023 B");
    expect(fileSize(2178)).toBe("2.1 KB");
    expect(fileSize(10 * 1024)).toBe("10 KB");
    expect(fileSize(1_258_291)).toBe("1.2 MB");
    expect(fileSize(1024 * 1024 - 1)).toBe("1 MB");
    expect(fileSize(350 * 1024 * 1024)).toBe("350 MB");
    expect(fileSize(5 * 1024 ** 3)).toBe("5 GB");
  });
});
