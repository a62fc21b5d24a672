/** The URL-slug text box: no auto-capitalisation, correction or spell-check, which would only corrupt a slug. */
export function SlugInput({
  value,
  onChange,
  ...a11y
}: { value: string; onChange: (v: string) => void; id: string; "aria-invalid": boolean; "aria-describedby"?: string }) {
  return (
    <input
      {...a11y}
      type="text"
      value={value}
      maxLength={50}
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      required
    />
  );
}
