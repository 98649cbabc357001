// Spanish article contractions after slot filling: "a" + "el comercio" is "al comercio", "de" + "el" is "del".

// A slot value that starts with "el" lands after a template's "a"/"de" ("pida el reembolso a {merchant}"); only the
// lower-case article contracts, so a name like "El Corte Inglés" keeps its "a El".
const A_EL = /(?<!\p{L})([Aa]|[Dd]e) el(?!\p{L})/gu;

// A template's own determiner before a slot whose stand-in brings its article: "recuperar los {amount}" with no
// amount said reads "recuperar los el importe" (2026-12-04 review, class 6). The stand-in's article wins.
const DET_ART = /(?<!\p{L})(los|las|unos|unas|mis|tus|sus) (el|la|los|las)(?!\p{L})/gu;

export function contractArticles(text: string): string {
  if (!text.includes(' el') && !text.includes(' la')) return text;
  return text.replace(DET_ART, '$2').replace(A_EL, (_m, prep: string) => (prep.length === 1 ? `${prep}l` : `${prep[0]}el`));
}
