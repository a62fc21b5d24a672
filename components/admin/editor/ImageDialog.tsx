"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { uploadMedia, type UploadedMedia } from "../MediaUpload";

import { fileSize } from "@/lib/format/file-size";
import { IMAGE_ACCEPT, IMAGE_MAX_BYTES, IMAGE_TYPE_MESSAGE, isImageMime } from "@/lib/media/file-types";
const TEXT_MAX = 200;

export interface ImageFields {
  alt: string;
  caption: string;
  credit: string;
}

type Props =
  | {
      mode: "insert";
      onClose: () => void;
      /** The image is uploaded; insert it. */
      onInsert: (media: UploadedMedia, fields: ImageFields) => void;
    }
  | {
      mode: "edit";
      initial: ImageFields & { src: string };
      onClose: () => void;
      onSave: (fields: ImageFields) => void;
      onDelete: () => void;
    };

/**
 * Modal dialog (native <dialog>, so focus is trapped and Esc closes it) for
 * uploading an image or editing an inserted one. Rendered into <body> through
 * a portal: the editor usually sits inside the article <form>, and forms must
 * not nest (nor may Enter here submit the article).
 */
export function ImageDialog(props: Props) {
  const uid = useId();
  const ids = {
    title: `${uid}-title`,
    intro: `${uid}-intro`,
    file: `${uid}-file`,
    fileError: `${uid}-file-error`,
    fileHint: `${uid}-file-hint`,
    alt: `${uid}-alt`,
    altError: `${uid}-alt-error`,
    altHint: `${uid}-alt-hint`,
    caption: `${uid}-caption`,
    credit: `${uid}-credit`,
  };
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const altRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(true);
  const initial = props.mode === "edit" ? props.initial : null;

  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [alt, setAlt] = useState(initial?.alt ?? "");
  const [caption, setCaption] = useState(initial?.caption ?? "");
  const [credit, setCredit] = useState(initial?.credit ?? "");
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    mounted.current = true;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    (props.mode === "insert" ? fileRef : altRef).current?.focus();
    return () => {
      mounted.current = false;
      if (dialog?.open) dialog.close();
    };
    // Opened once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  function chooseFile(f: File | null) {
    setFile(f);
    setUploadError(null);
    setPreview(f && isImageMime(f.type) ? URL.createObjectURL(f) : null);
    setErrors((e) => ({ ...e, file: f ? fileProblem(f) : undefined }));
  }

  function fileProblem(f: File): string | undefined {
    if (!isImageMime(f.type)) return IMAGE_TYPE_MESSAGE;
    if (f.size > IMAGE_MAX_BYTES) return `图片不能超过 ${fileSize(IMAGE_MAX_BYTES)}，请压缩后再上传`;
    if (f.size === 0) return "图片文件是空的，请重新选择";
    return undefined;
  }

  async function confirm() {
    if (busy) return;
    const fields: ImageFields = { alt: alt.trim(), caption: caption.trim(), credit: credit.trim() };
    const next: { file?: string; alt?: string } = {};
    if (props.mode === "insert") next.file = file ? fileProblem(file) : "请选择要上传的图片";
    if (!fields.alt) next.alt = "请填写替代文字：用一句话说明图片内容（供视障用户和图片无法显示时使用）";
    setErrors(next);
    setUploadError(null);
    if (next.file) return fileRef.current?.focus();
    if (next.alt) return altRef.current?.focus();

    if (props.mode === "edit") {
      props.onSave(fields);
      return;
    }
    setBusy(true);
    try {
      const media = await uploadMedia(file!, { kind: "image", alt: fields.alt, caption: fields.caption });
      if (mounted.current) props.onInsert(media, fields);
    } catch (err) {
      if (!mounted.current) return;
      setUploadError(err instanceof Error && err.message ? err.message : "上传失败，请检查网络后重试");
      setBusy(false);
    }
  }

  // Enter in a text field confirms (there is no <form> here, see above).
  const onFieldKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void confirm();
    }
  };

  const describe = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(" ") || undefined;

  const dialog = (
    <dialog
      ref={dialogRef}
      className="rte-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.intro}
      onCancel={(e) => {
        // Esc: let React unmount us rather than the browser closing the element behind our back.
        e.preventDefault();
        props.onClose();
      }}
      onClose={() => {
        // Closed by the browser itself (e.g. a repeated Esc that skips the cancel event).
        if (mounted.current) props.onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="rte-dialog-body">
        <h2 id={ids.title} className="rte-dialog-title">
          {props.mode === "insert" ? "插入图片" : "编辑图片"}
        </h2>
        <p id={ids.intro} className="rte-dialog-intro">
          {props.mode === "insert"
            ? "选择图片并填写替代文字后上传，图片将插入到光标所在位置。"
            : "修改图片的替代文字和说明。"}
        </p>

        {props.mode === "insert" ? (
          <div className="rte-field">
            <label htmlFor={ids.file}>
              图片文件<span className="rte-required">（必填）</span>
            </label>
            <input
              ref={fileRef}
              id={ids.file}
              type="file"
              accept={IMAGE_ACCEPT}
              aria-invalid={!!errors.file}
              aria-describedby={describe(errors.file && ids.fileError, ids.fileHint)}
              aria-required="true"
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
            />
            <p id={ids.fileHint} className="rte-hint">
              支持 JPG、PNG、WebP、GIF，不超过10MB。
            </p>
            {errors.file && (
              <p id={ids.fileError} className="rte-field-error">
                {errors.file}
              </p>
            )}
            {preview && (
              // eslint-disable-next-line @next/next/no-img-element
              <img className="rte-dialog-preview" src={preview} alt="" />
            )}
          </div>
        ) : (
          initial && (
            // eslint-disable-next-line @next/next/no-img-element
            <img className="rte-dialog-preview" src={initial.src} alt="" />
          )
        )}

        <div className="rte-field">
          <label htmlFor={ids.alt}>
            替代文字<span className="rte-required">（必填）</span>
          </label>
          <input
            ref={altRef}
            id={ids.alt}
            type="text"
            value={alt}
            maxLength={TEXT_MAX}
            required
            aria-invalid={!!errors.alt}
            aria-describedby={describe(errors.alt && ids.altError, ids.altHint)}
            readOnly={busy}
            onChange={(e) => {
              setAlt(e.target.value);
              if (errors.alt && e.target.value.trim()) setErrors((x) => ({ ...x, alt: undefined }));
            }}
            onKeyDown={onFieldKeyDown}
          />
          <p id={ids.altHint} className="rte-hint">
            说明图片内容，如“市民在东部新城广场参加健步走活动”。
          </p>
          {errors.alt && (
            <p id={ids.altError} className="rte-field-error">
              {errors.alt}
            </p>
          )}
        </div>

        <div className="rte-field">
          <label htmlFor={ids.caption}>图片说明（可选）</label>
          <input
            id={ids.caption}
            type="text"
            value={caption}
            maxLength={TEXT_MAX}
            readOnly={busy}
            onChange={(e) => setCaption(e.target.value)}
            onKeyDown={onFieldKeyDown}
          />
        </div>

        <div className="rte-field">
          <label htmlFor={ids.credit}>摄影/署名（可选）</label>
          <input
            id={ids.credit}
            type="text"
            value={credit}
            maxLength={60}
            readOnly={busy}
            onChange={(e) => setCredit(e.target.value)}
            onKeyDown={onFieldKeyDown}
          />
        </div>

        {uploadError && (
          <p className="rte-dialog-error" role="alert">
            {uploadError}
          </p>
        )}
        {busy && (
          <p className="rte-dialog-status" role="status">
            正在上传图片，请稍候…
          </p>
        )}

        <div className="rte-dialog-actions">
          {props.mode === "edit" && (
            <button type="button" className="rte-dbtn rte-dbtn-danger" onClick={props.onDelete}>
              删除图片
            </button>
          )}
          <span className="rte-spacer" />
          <button type="button" className="rte-dbtn" onClick={props.onClose}>
            取消
          </button>
          <button type="button" className="rte-dbtn rte-dbtn-primary" onClick={() => void confirm()} aria-disabled={busy || undefined}>
            {props.mode === "insert" ? (busy ? "上传中…" : "上传并插入") : "保存"}
          </button>
        </div>
      </div>
    </dialog>
  );

  return typeof document === "undefined" ? null : createPortal(dialog, document.body);
}
