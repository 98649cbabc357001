// Kinds of merchant a text names ("a coffee shop", "Oxxo", "el gimnasio") and what a payment there plausibly costs.
// The 2026-12-06 review found 147 € at a cafetería, a $3,582 "pedido" at Oxxo and £1,425 at a gym: an amount drawn
// without looking at where it was spent. Bands are in pounds/dollars/euros; Mexican pesos scale them (slots.ts).

export interface MerchantKind {
  name: string;
  /** Lowest and highest plausible single payment, in GBP/USD/EUR units. */
  band: readonly [number, number];
  words: RegExp;
}

const k = (name: string, band: readonly [number, number], words: string): MerchantKind => ({
  name,
  band,
  words: new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})`, 'iu'),
});

// Order matters: the first kind whose words a text names wins ("Uber Eats" is food before "Uber" is a ride).
export const MERCHANT_KINDS: readonly MerchantKind[] = [
  k('food', [6, 90], "uber eats|deliveroo|just eat|doordash|rappi|glovo|restaurants?|restaurantes?|bar de tapas|bars?|bares|pub|wetherspoons|mcdonald's|burger king|telepizza|kebab shop|food truck|taquería|takeaway"),
  k('cafe', [2, 20], 'coffee shops?|cafes?|café|cafeterías?|starbucks|bakery|local bakery|panaderías?|churrería|vending machine|kiosk|quiosco'),
  k('convenience', [2, 60], 'oxxo|corner shop|tienda de la esquina|tienda de chinos|street market stall|puesto del tianguis|farmers market stall|papelería|florist'),
  k('grocery', [8, 250], 'supermarkets?|supermercados?|súper|tesco|sainsbury\'s|mercadona|carrefour|lidl|dia|alcampo|eroski|walmart|soriana|chedraui|bodega aurrerá|costco|sam\'s club|target|mercado(?! libre)|market'),
  k('transport', [2, 90], 'uber|lyft|cabify|didi|taxis?|taxi company|train station|estación de tren|renfe|ado|ticket machine|máquina de billetes|toll booth|caseta de peaje|parking|car park|parking garage|parking meter'),
  k('fuel', [15, 110], 'petrol station|gas station|gasolinera|shell'),
  k('gym', [15, 80], 'gym|gimnasio'),
  k('subscription', [4, 60], 'netflix|spotify|disney\\+|youtube premium|google play|steam|playstation store|adobe|microsoft|subscriptions?|suscripci[oó]n(?:es)?'),
  k('utility', [15, 180], 'endesa|cfe|telcel|movistar|vodafone|totalplay|the council'),
  k('pharmacy', [3, 90], 'pharmacy|farmacias?|farmacias guadalajara|boots|cvs|walgreens|hair salon|hairdresser|peluquería|estética'),
  k('health', [30, 400], 'dentist|vet|dentista|veterinario'),
  k('lodging', [40, 1200], 'hotels?|hoteles|hostel|airbnb|booking\\.com'),
  k('travel', [30, 700], 'airlines?|aerolíneas?|ryanair|easyjet|iberia|vueling|volaris|aeroméxico|car rental place|flights?|vuelos?'),
  k('fashion', [8, 220], 'zara|h&m|primark|mango|clothing store|thrift store|charity shop|zalando|suburbia|decathlon'),
  k('store', [15, 1500], 'el corte inglés|liverpool|palacio de hierro|department store|grandes almacenes|sears|sanborns|ikea|apple(?! pay)|best buy|media markt|fnac|elektra|coppel|home depot|leroy merlin|furniture store|argos|phone shop|phone store'),
  k('leisure', [5, 150], 'cinema|movie theater|cinépolis|museums?|museos?|club|music festival|ticket website|tattoo studio|bookshop|bookstore|toy shop|toy store|bike shop|garden cent(?:re|er)|ferretería'),
];

/** The first kind of merchant a text names, if any. */
export function merchantKindOf(text: string): MerchantKind | undefined {
  return MERCHANT_KINDS.find((m) => m.words.test(text));
}

/** Every kind of merchant a text names; a phrase inside a longer one ("Uber" in "Uber Eats", "market" in "farmers market stall") is not a second kind. */
export function merchantKindsIn(text: string): MerchantKind[] {
  const spans: Array<{ kind: MerchantKind; from: number; to: number }> = [];
  for (const kind of MERCHANT_KINDS) {
    const re = new RegExp(kind.words.source, 'giu');
    for (const m of text.matchAll(re)) spans.push({ kind, from: m.index ?? 0, to: (m.index ?? 0) + m[0].length });
  }
  const kept = spans.filter((s) => !spans.some((o) => o !== s && o.from <= s.from && o.to >= s.to && o.to - o.from > s.to - s.from));
  return MERCHANT_KINDS.filter((k) => kept.some((s) => s.kind === k));
}
