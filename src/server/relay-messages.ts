/**
 * The relay's own words in its 400 answers, in Swedish (as Vitec writes its `ModelState`) or English,
 * chosen by the request's `Accept-Language`. Vitec's own messages pass through as Vitec gave them.
 */
import type { ErrorCode, LeadIssue } from '../lead/lead-schema.js';

export type RelayLang = 'sv' | 'en';

/**
 * The language a request asks for: the better-weighted of Swedish and English in `Accept-Language`
 * (any `sv-*` or `en-*` counts), Swedish when neither is named or they weigh the same.
 */
export function relayLang(acceptLanguage: string | null | undefined): RelayLang {
  let sv = -1;
  let en = -1;
  for (const part of (acceptLanguage ?? '').slice(0, 200).split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    if (!Number.isFinite(weight)) continue;
    if (tag === 'sv' || tag.startsWith('sv-')) sv = Math.max(sv, weight);
    else if (tag === 'en' || tag.startsWith('en-')) en = Math.max(en, weight);
  }
  return en > sv && en > 0 ? 'en' : 'sv';
}

const LABELS: Record<string, readonly [sv: string, en: string]> = {
  'person.firstName': ['Förnamn', 'First name'],
  'person.lastName': ['Efternamn', 'Last name'],
  'person.socialSecurityNumber': ['Personnummer', 'Personal identity number'],
  'person.isForeignSocialSecurityNumber': ['Utländskt nummer', 'Foreign number'],
  'person.address.streetAddress': ['Gatuadress', 'Street address'],
  'person.address.zipCode': ['Postnummer', 'Postal code'],
  'person.address.city': ['Ort', 'City'],
  'person.email.emailAddress': ['E-post', 'Email'],
  'person.email.emailAddress2': ['Annan e-post', 'Other email'],
  'person.telephone.home': ['Telefon hem', 'Home phone'],
  'person.telephone.work': ['Telefon arbete', 'Work phone'],
  'person.telephone.cell': ['Mobiltelefon', 'Mobile phone'],
  'person.telephone.other': ['Annan telefon', 'Other phone'],
  person: ['Personen', 'The person'],
  receiver: ['Mottagaren', 'The receiver'],
  leadSource: ['Leadkällan', 'The lead source'],
  'leadSource.name': ['Leadkällans namn', 'The lead source name'],
  'leadSource.leadType': ['Leadtypen', 'The lead type'],
  marketing: ['Marknadsföringsdata', 'The marketing data'],
  'marketing.referrer': ['Hänvisande sida', 'The referrer'],
  'marketing.utmTags': ['UTM-taggarna', 'The UTM tags'],
  message: ['Meddelandet', 'The message'],
};

function label(path: string, lang: RelayLang): string {
  // `marketing.utmTags.3.name` and `receiver.agent.office.id` are named by their nearest known part.
  const parts = path.split('.');
  for (let end = parts.length; end > 0; end--) {
    const found = LABELS[parts.slice(0, end).join('.')];
    if (found) return found[lang === 'sv' ? 0 : 1];
  }
  return lang === 'sv' ? 'Förfrågan' : 'The request';
}

type Template = (label: string, max?: number) => string;

const TEXTS: Record<RelayLang, Record<ErrorCode, Template>> = {
  sv: {
    required: (l) => `${l} måste anges.`,
    tooLong: (l, max) => `${l} får vara högst ${max} tecken.`,
    email: (l) => `${l} måste vara en e-postadress, till exempel namn@exempel.se.`,
    phone: (l) => `${l} måste vara ett telefonnummer med 7 till 15 siffror.`,
    zipCode: (l) => `${l} måste vara fem siffror, till exempel 123 45.`,
    personnummer: (l) => `${l} är inte ett giltigt personnummer.`,
    contactRequired: () => 'Ange en e-postadress eller ett telefonnummer.',
    characters: (l) => `${l} innehåller styrtecken eller osynliga tecken som inte är tillåtna.`,
    invalid: (l) => `${l} har ett ogiltigt värde.`,
  },
  en: {
    required: (l) => `${l} is required.`,
    tooLong: (l, max) => `${l} must be ${max} characters or fewer.`,
    email: (l) => `${l} must be an email address, like name@example.com.`,
    phone: (l) => `${l} must be a phone number with 7 to 15 digits.`,
    zipCode: (l) => `${l} must be five digits, like 123 45.`,
    personnummer: (l) => `${l} is not a valid Swedish personal identity number.`,
    contactRequired: () => 'Enter an email address or a phone number.',
    characters: (l) => `${l} contains control or invisible characters that are not allowed.`,
    invalid: (l) => `${l} has a value that is not valid.`,
  },
};

/** The words for one schema issue, for Vitec's `ModelState`. */
export function issueText(issue: LeadIssue, lang: RelayLang): string {
  return TEXTS[lang][issue.code](label(issue.path, lang), issue.max);
}

/** The relay's messages about the request as a whole, each under `ModelState.lead`. */
export const REQUEST_TEXTS: Record<'invalidJson' | 'tooDeep' | 'incomplete', Record<RelayLang, string>> = {
  invalidJson: { sv: 'Förfrågan innehåller ogiltig JSON.', en: 'The request is not valid JSON.' },
  tooDeep: { sv: 'Förfrågan är nästlad för djupt.', en: 'The request is nested too deeply.' },
  incomplete: { sv: 'Förfrågan kom inte fram i sin helhet.', en: 'The request did not arrive in full.' },
};
