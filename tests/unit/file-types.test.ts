import { describe, expect, it } from "vitest";
import { fileSize } from "@/lib/format/file-size";
import { ATTACHMENT_ACCEPT, fileKind, IMAGE_ACCEPT, mimeForKey } from "@/lib/media/file-types";

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

describe("the one file-type table", () => {
  it("serves, accepts and labels the same types", () => {
    expect(mimeForKey("2026/ab12.pdf")).toBe("application/pdf");
    expect(mimeForKey("2026/ab12-480.JPG")).toBe("image/jpeg");
    expect(mimeForKey("2026/ab12.svg")).toBeUndefined();
    expect(mimeForKey("2026/ab12")).toBeUndefined();
    expect(IMAGE_ACCEPT).toBe("image/jpeg,image/png,image/webp,image/gif");
    expect(ATTACHMENT_ACCEPT).toBe(".pdf,.doc,.docx,.xls,.xlsx");
  });
});
