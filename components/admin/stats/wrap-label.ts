/**
 * Section names such as 优化税收营商环境专题 outgrow one axis line: wrap onto
 * two lines and end the second with … when even that is too short. The full
 * name stays in the tick's <title> and in the table twin below the chart.
 */
export function wrapLabel(name: string, perLine: number): string[] {
  const chars = Array.from(name);
  if (chars.length <= perLine) return [name];
  const rest = chars.slice(perLine);
  const second = rest.length <= perLine ? rest.join("") : `${rest.slice(0, perLine - 1).join("")}…`;
  return [chars.slice(0, perLine).join(""), second];
}
