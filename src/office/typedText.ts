/**
 * Text as Excel would read it when typed (getypte tekst): "2026", "10%", "1-2", "=A1" or "TRUE" would become a number, a
 * date, a formula or a logical value. Such text goes to Excel with a leading apostrophe, so that it stays text.
 */
export function asTyped(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string" || value.trim() === "") return value;
  return /^\s*([=+\-@]|[\d.,%€\s/:-]+$|(true|false|waar|onwaar)\s*$)/i.test(value) ? `'${value}` : value;
}
