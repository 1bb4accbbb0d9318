/**
 * Nouns that name a kind of payment (pure). A compound such as "Baukostenzuschuss" or "Sitzungsgeld" that no article
 * knows names a way of funding the programme does not have: a question about it is not one about the programme's grants.
 */

/** A word of at least three letters before a payment's word ("Baukosten-zuschuss", "Sitzungs-geld", "Kopf-pauschale"). */
const PAYMENT_NOUN = /\p{L}{3,}(?:zusch(?:u|ü|ue)ss\p{L}*|geld(?:er)?|pauschalen?|zulagen?|pr(?:ä|ae)mien?|geb(?:ü|ue)hren?)$/iu;

/** Whether an unknown noun names a kind of payment (see `PAYMENT_NOUN`). */
export function namesPayment(noun: string): boolean {
  return PAYMENT_NOUN.test(noun);
}
