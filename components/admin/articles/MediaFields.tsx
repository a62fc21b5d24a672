"use client";

import { useState } from "react";
import { fileSize } from "@/lib/format/file-size";
import { ATTACHMENT_ACCEPT, IMAGE_ACCEPT } from "@/lib/media/file-types";
import { uploadMedia, type UploadedMedia } from "../MediaUpload";

export interface MediaState {
  cover: UploadedMedia | null;
  attachments: { media: UploadedMedia; title: string }[];
}


/** Cover image (with required alt text) and downloadable attachments (PDF/DOC/XLS). */
export function MediaFields({ value, onChange, error }: { value: MediaState; onChange: (v: MediaState) => void; error?: string }) {
  const [coverAlt, setCoverAlt] = useState("");
  const [busy, setBusy] = useState<"cover" | "file" | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function upload(kind: "cover" | "file", file: File | undefined) {
    if (!file) return;
    if (kind === "cover" && !coverAlt.trim()) {
      setMessage("请先填写封面图片的替代文字，再选择图片");
      return;
    }
    setBusy(kind);
    setMessage(null);
    try {
      const media = await uploadMedia(file, kind === "cover" ? { kind: "image", alt: coverAlt } : { kind: "file" });
      if (kind === "cover") onChange({ ...value, cover: media });
      else onChange({ ...value, attachments: [...value.attachments, { media, title: file.name.replace(/\.[^.]+$/, "") }] });
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="adm-form-grid">
      <div className="adm-field">
        <span className="adm-label">封面图片</span>
        {value.cover ? (
          <div>
            {/* eslint-disable-next-line @next/next/no-img-element -- admin preview of an upload */}
            <img src={value.cover.url} alt={value.cover.alt} style={{ maxWidth: 240, display: "block" }} />
            <p className="adm-hint">替代文字：{value.cover.alt}</p>
            <button type="button" className="adm-btn" onClick={() => onChange({ ...value, cover: null })}>
              移除封面
            </button>
          </div>
        ) : (
          <>
            <label htmlFor="cover-alt">封面替代文字（上传前必填）</label>
            <input id="cover-alt" value={coverAlt} onChange={(e) => setCoverAlt(e.target.value)} maxLength={200} />
            <label htmlFor="cover-file">选择封面图片（JPG/PNG/WebP，10MB 以内）</label>
            <input id="cover-file" type="file" accept={IMAGE_ACCEPT} disabled={busy !== null} onChange={(e) => upload("cover", e.target.files?.[0])} />
          </>
        )}
      </div>
      <div className="adm-field">
        <span className="adm-label">附件</span>
        <ul className="adm-attachments">
          {value.attachments.map((a, i) => (
            <li key={a.media.id}>
              <label htmlFor={`att-${a.media.id}`} className="visually-hidden">
                附件标题
              </label>
              <input
                id={`att-${a.media.id}`}
                value={a.title}
                maxLength={200}
                onChange={(e) => onChange({ ...value, attachments: value.attachments.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })}
              />
              <span className="adm-hint">
                {a.media.originalName}（{fileSize(a.media.size)}）
              </span>
              <button type="button" className="adm-btn" onClick={() => onChange({ ...value, attachments: value.attachments.filter((_, j) => j !== i) })}>
                移除
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="attachment-file">添加附件（PDF、DOC、DOCX、XLS、XLSX，20MB 以内）</label>
        <input id="attachment-file" type="file" accept={ATTACHMENT_ACCEPT} disabled={busy !== null} onChange={(e) => upload("file", e.target.files?.[0])} />
      </div>
      {busy && <p className="adm-hint" role="status">正在上传…</p>}
      {(message || error) && (
        <p className="adm-field-error" role="alert">
          {message ?? error}
        </p>
      )}
    </div>
  );
}
