/** IANA zone validation through Intl: the runtime's own zone database, no extra package. */

/** The canonical name of an IANA zone ("america/chicago" -> "America/Chicago"), or null when unknown. */
export function canonicalZone(zone: string): string | null {
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+)*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Known zone names closest to a mistyped one ("America/Chicgo" -> "America/Chicago"), best first. */
export function suggestZones(zone: string, max = 2): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  );
  if (!supported) return [];
  const wanted = zone.toLowerCase();
  const city = wanted.split('/').pop() ?? wanted;
  return supported
    .map((name) => {
      const lower = name.toLowerCase();
      const distance = Math.min(
        editDistance(wanted, lower),
        editDistance(city, lower.split('/').pop() ?? lower),
      );
      return { name, distance };
    })
    .filter((z) => z.distance <= Math.max(2, Math.floor(city.length / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((z) => z.name);
}

/** The user-facing message for an unknown zone. */
export function zoneError(zone: string): string {
  const suggestions = suggestZones(zone);
  const hint = suggestions.length ? ` Did you mean ${suggestions.join(' or ')}?` : '';
  return `"${zone}" is not a time zone I know.${hint} Use an IANA name such as America/Chicago, Europe/Berlin or UTC.`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 99;
}
