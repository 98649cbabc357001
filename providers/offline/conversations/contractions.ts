// Spanish article contractions after slot filling: "a" + "el comercio" is "al comercio", "de" + "el" is "del".

// A slot value that starts with "el" lands after a template's "a"/"de" ("pida el reembolso a {merchant}"); only the
// lower-case article contracts, so a name like "El Corte Inglés" keeps its "a El".
const A_EL = /(?<!\p{L})([Aa]|[Dd]e) el(?!\p{L})/gu;

export function contractArticles(text: string): string {
  if (!text.includes(' el')) return text;
  return text.replace(A_EL, (_m, prep: string) => (prep.length === 1 ? `${prep}l` : `${prep[0]}el`));
}
