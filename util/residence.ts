// Where a customer of each variety plausibly lives when not at home (names as in the grammar's slot tables): an
// es-MX customer "living in Bolivia" read odd to the 2026-12-06 review.

/** Where a customer asks about moving to or living in ("if I live in…", "I'm moving to…"): nearby, or where many go. */
export const NEAR_HOME: Record<string, readonly string[]> = {
  'en-US': ['Canada', 'Mexico'],
  'en-GB': ['Ireland', 'Spain', 'France', 'Portugal', 'Germany', 'Malta', 'the Netherlands', 'Italy', 'Cyprus'],
  'es-MX': ['Estados Unidos', 'Canadá', 'España'],
  'es-ES': ['Francia', 'Alemania', 'Portugal', 'Reino Unido', 'Italia', 'Países Bajos', 'Irlanda', 'Bélgica', 'Suiza'],
};

/**
 * Where a customer says they live now: nearby and where the account's currency still reads right (a GBP account
 * "living in Italy" is a locale mismatch to the locale_mismatch check; Switzerland's francs are not a second account).
 */
export const LIVES_ABROAD: Record<string, readonly string[]> = {
  'en-US': ['Canada'],
  'en-GB': ['Switzerland', 'Norway', 'Sweden', 'Denmark'],
  'es-MX': ['Canadá', 'Guatemala'],
  'es-ES': ['Francia', 'Alemania', 'Portugal', 'Italia', 'Países Bajos', 'Irlanda', 'Bélgica'],
};
