/** Every user-facing string, in Swedish (the default) and English. */
import type { FieldName } from '../fields.js';
import { type ErrorCode, LIMITS } from '../limits.js';

export type Lang = 'sv' | 'en';

export interface Messages {
  labels: Record<FieldName | 'isForeignSocialSecurityNumber', string>;
  hints: Partial<Record<FieldName, string>>;
  optional: string;
  required: Record<FieldName, string>;
  errors: Record<Exclude<ErrorCode, 'required' | 'tooLong'>, string>;
  tooLong: (label: string, max: number) => string;
  errorPrefix: string;
  /** Read before an error the visitor has fixed since the last submit. */
  fixedPrefix: string;
  /** After a fixed item in the error summary. */
  fixedNote: string;
  /** The legend and the line of the group of e-mail and phone inputs, one of which is needed. */
  contactLegend: string;
  contactRule: string;
  /** The button on the thank-you that empties the form for another message. */
  sendAnother: string;
  summaryHeading: string;
  submit: string;
  sending: string;
  sendingStatus: string;
  sentHeading: string;
  sentBody: string;
  leadId: (id: string) => string;
  failed: {
    permanent: string;
    /** The lazily loaded part of the form did not arrive. */
    behaviour: string;
    rateLimit: (seconds?: number) => string;
    server: string;
    network: string;
    timeout: string;
    offline: string;
    invalid: string;
  };
  /** Other ways to reach the broker when a lead cannot be sent: a mailto link and a tel link, either may be absent. */
  fallback: (email: unknown, phone: unknown) => unknown[];
  /** The subject of the e-mail the fallback link starts. */
  fallbackSubject: string;
  serverSaid: string;
  configError: (detail: string) => string;
  privacyPolicy: string;
  privacyPolicyPlain: string;
  /** A sentence around the policy link (or its plain name). */
  privacySentence: (policy: unknown) => unknown[];
  consentLabel: (policy: unknown) => unknown[];
  consentRequired: string;
  /** The start of the line a lead's message ends with when consent was given; the time follows. */
  consentRecord: string;
  previewNote: string;
  previewLeadId: string;
  config: {
    endpoint: string;
    endpointScheme: string;
    mixedContent: string;
    customerId: string;
    url: (attribute: string) => string;
    names: string;
    fields: (names: string) => string;
  };
}

const LENGTH: Partial<Record<FieldName, number>> = {
  firstName: LIMITS.name,
  lastName: LIMITS.name,
  socialSecurityNumber: LIMITS.socialSecurityNumber,
  'address.streetAddress': LIMITS.streetAddress,
  'address.city': LIMITS.city,
  'email.emailAddress': LIMITS.email,
  'email.emailAddress2': LIMITS.email,
  message: LIMITS.message,
};

/** The longest value an input takes, used in its `tooLong` message. */
function maxLengthOf(field: FieldName): number | undefined {
  return LENGTH[field];
}

const sv: Messages = {
  labels: {
    firstName: 'Förnamn',
    lastName: 'Efternamn',
    socialSecurityNumber: 'Personnummer',
    isForeignSocialSecurityNumber: 'Utländskt nummer eller annat format',
    'address.streetAddress': 'Gatuadress',
    'address.zipCode': 'Postnummer',
    'address.city': 'Ort',
    'email.emailAddress': 'E-post',
    'email.emailAddress2': 'Annan e-post',
    'telephone.home': 'Telefon hem',
    'telephone.work': 'Telefon arbete',
    'telephone.cell': 'Mobiltelefon',
    'telephone.other': 'Annan telefon',
    message: 'Meddelande',
  },
  hints: {
    socialSecurityNumber: 'ÅÅÅÅMMDD-NNNN',
    'address.zipCode': 'Fem siffror, till exempel 123 45',
  },
  optional: '(valfritt)',
  required: {
    firstName: 'Ange ditt förnamn',
    lastName: 'Ange ditt efternamn',
    socialSecurityNumber: 'Ange ditt personnummer',
    'address.streetAddress': 'Ange din gatuadress',
    'address.zipCode': 'Ange ditt postnummer',
    'address.city': 'Ange din ort',
    'email.emailAddress': 'Ange din e-postadress',
    'email.emailAddress2': 'Ange din andra e-postadress',
    'telephone.home': 'Ange ditt telefonnummer hem',
    'telephone.work': 'Ange ditt telefonnummer till arbetet',
    'telephone.cell': 'Ange ditt mobilnummer',
    'telephone.other': 'Ange ditt andra telefonnummer',
    message: 'Skriv ett meddelande',
  },
  errors: {
    email: 'Ange en e-postadress i rätt format, till exempel namn@exempel.se',
    phone: 'Ange ett telefonnummer med 7 till 15 siffror, till exempel 070-123 45 67',
    zipCode: 'Ange postnumret med fem siffror, till exempel 123 45',
    personnummer:
      'Ange ett giltigt personnummer, till exempel 19460823-9986, eller kryssa i rutan för utländskt nummer',
    contactRequired: 'Ange en e-postadress eller ett telefonnummer så att mäklaren kan svara dig',
    characters: 'Ta bort styrtecken och osynliga tecken',
    invalid: 'Kontrollera uppgiften',
  },
  tooLong: (label, max) => `${label} får vara högst ${max} tecken`,
  errorPrefix: 'Fel:',
  fixedPrefix: 'Rättat:',
  fixedNote: '(rättat)',
  sendAnother: 'Skicka ett nytt meddelande',
  contactLegend: 'Hur når mäklaren dig?',
  contactRule: 'Fyll i e-post eller telefon så att mäklaren kan svara dig.',
  summaryHeading: 'Det finns ett problem',
  submit: 'Skicka',
  sending: 'Skickar…',
  sendingStatus: 'Skickar din förfrågan…',
  sentHeading: 'Tack för din förfrågan!',
  sentBody: 'Mäklaren hör av sig så snart som möjligt.',
  leadId: (id) => `Ditt ärendenummer: ${id}`,
  failed: {
    permanent: 'Förfrågan kan inte skickas just nu. Dina uppgifter finns kvar. Kontakta mäklaren direkt.',
    behaviour:
      'Formuläret kunde inte laddas klart. Dina uppgifter finns kvar. Kontrollera anslutningen och skicka igen.',
    rateLimit: (seconds) =>
      seconds
        ? `Många förfrågningar har skickats på kort tid. Försök igen om ${seconds} sekunder.`
        : 'Många förfrågningar har skickats på kort tid. Försök igen om en stund.',
    server: 'Något gick fel hos mottagaren. Dina uppgifter finns kvar, försök igen.',
    network: 'Det gick inte att nå servern. Kontrollera din anslutning och försök igen.',
    timeout: 'Servern svarade inte i tid. Dina uppgifter finns kvar, försök igen.',
    offline: 'Du verkar vara offline. Dina uppgifter finns kvar, skicka igen när du är ansluten.',
    invalid: 'Mottagaren kunde inte ta emot förfrågan.',
  },
  fallback: (email, phone) =>
    email && phone
      ? ['Mejla oss på ', email, ' eller ring ', phone, '.']
      : email
        ? ['Mejla oss på ', email, '.']
        : ['Ring oss på ', phone, '.'],
  fallbackSubject: 'Förfrågan från webbplatsen',
  serverSaid: 'Mottagaren svarade:',
  configError: (detail) => `Formuläret är inte rätt inställt: ${detail}`,
  privacyPolicy: 'integritetspolicy',
  privacyPolicyPlain: 'integritetspolicy',
  privacySentence: (policy) => ['Vi behandlar dina personuppgifter enligt vår ', policy, '.'],
  consentLabel: (policy) => ['Jag samtycker till att mina personuppgifter behandlas enligt mäklarens ', policy, '.'],
  consentRequired: 'Kryssa i rutan för att samtycka till att dina uppgifter behandlas',
  consentRecord: 'Samtycke till behandling av personuppgifter lämnades',
  previewNote: 'Förhandsvisning: formuläret skickar ingenting.',
  previewLeadId: 'FÖRHANDSVISNING',
  config: {
    endpoint: 'attributet endpoint saknas.',
    endpointScheme: 'endpoint måste vara en https-adress eller en sökväg på sajten, som /api/lead.',
    mixedContent: 'endpoint är en http-adress på en https-sida, och webbläsaren stoppar anropet. Använd https.',
    customerId: 'attributet customer-id saknas, och endpoint innehåller {customerId}.',
    url: (attribute) => `${attribute} måste vara en https-adress eller en sökväg på sajten.`,
    names: 'attributet fields måste innehålla firstName och lastName.',
    fields: (names) => `okända fält i fields eller required: ${names}.`,
  },
};

const en: Messages = {
  labels: {
    firstName: 'First name',
    lastName: 'Last name',
    socialSecurityNumber: 'Personal identity number',
    isForeignSocialSecurityNumber: 'Foreign number or other format',
    'address.streetAddress': 'Street address',
    'address.zipCode': 'Postal code',
    'address.city': 'City',
    'email.emailAddress': 'Email',
    'email.emailAddress2': 'Other email',
    'telephone.home': 'Home phone',
    'telephone.work': 'Work phone',
    'telephone.cell': 'Mobile phone',
    'telephone.other': 'Other phone',
    message: 'Message',
  },
  hints: {
    socialSecurityNumber: 'YYYYMMDD-NNNN',
    'address.zipCode': 'Five digits, for example 123 45',
  },
  optional: '(optional)',
  required: {
    firstName: 'Enter your first name',
    lastName: 'Enter your last name',
    socialSecurityNumber: 'Enter your personal identity number',
    'address.streetAddress': 'Enter your street address',
    'address.zipCode': 'Enter your postal code',
    'address.city': 'Enter your city',
    'email.emailAddress': 'Enter your email address',
    'email.emailAddress2': 'Enter your other email address',
    'telephone.home': 'Enter your home phone number',
    'telephone.work': 'Enter your work phone number',
    'telephone.cell': 'Enter your mobile phone number',
    'telephone.other': 'Enter your other phone number',
    message: 'Enter a message',
  },
  errors: {
    email: 'Enter an email address in the correct format, like name@example.com',
    phone: 'Enter a phone number with 7 to 15 digits, like +46 70 123 45 67',
    zipCode: 'Enter the postal code as five digits, like 123 45',
    personnummer:
      'Enter a valid Swedish personal identity number, like 19460823-9986, or tick the box for a foreign number',
    contactRequired: 'Enter an email address or a phone number so that the broker can reply',
    characters: 'Remove control and invisible characters',
    invalid: 'Check this entry',
  },
  tooLong: (label, max) => `${label} must be ${max} characters or fewer`,
  errorPrefix: 'Error:',
  fixedPrefix: 'Fixed:',
  fixedNote: '(fixed)',
  sendAnother: 'Send another message',
  contactLegend: 'How can the broker reach you?',
  contactRule: 'Fill in email or phone so that the broker can reply.',
  summaryHeading: 'There is a problem',
  submit: 'Send',
  sending: 'Sending…',
  sendingStatus: 'Sending your enquiry…',
  sentHeading: 'Thank you for your enquiry!',
  sentBody: 'The broker will be in touch as soon as possible.',
  leadId: (id) => `Your reference number: ${id}`,
  failed: {
    permanent:
      'Your enquiry cannot be sent right now. Your details are still here. Please contact the broker directly.',
    behaviour: 'The form could not finish loading. Your details are still here. Check your connection and send again.',
    rateLimit: (seconds) =>
      seconds
        ? `Many enquiries were sent in a short time. Please try again in ${seconds} seconds.`
        : 'Many enquiries were sent in a short time. Please try again in a while.',
    server: 'Something went wrong at the receiving end. Your details are still here, please try again.',
    network: 'Could not reach the server. Check your connection and try again.',
    timeout: 'The server did not answer in time. Your details are still here, please try again.',
    offline: 'You seem to be offline. Your details are still here, send again once you are connected.',
    invalid: 'The receiver could not accept the enquiry.',
  },
  fallback: (email, phone) =>
    email && phone
      ? ['Email us at ', email, ' or call ', phone, '.']
      : email
        ? ['Email us at ', email, '.']
        : ['Call us on ', phone, '.'],
  fallbackSubject: 'Enquiry from the website',
  serverSaid: 'The receiver said:',
  configError: (detail) => `This form is not set up correctly: ${detail}`,
  privacyPolicy: 'privacy policy',
  privacyPolicyPlain: 'privacy policy',
  privacySentence: (policy) => ['We process your personal data according to our ', policy, '.'],
  consentLabel: (policy) => ["I agree that my personal data is processed according to the broker's ", policy, '.'],
  consentRequired: 'Tick the box to agree that your details are processed',
  consentRecord: 'Consent to processing of personal data given',
  previewNote: 'Preview: this form sends nothing.',
  previewLeadId: 'PREVIEW',
  config: {
    endpoint: 'the endpoint attribute is missing.',
    endpointScheme: 'endpoint must be an https URL or a path on this site, such as /api/lead.',
    mixedContent: 'endpoint is an http URL on an https page, and the browser blocks the call. Use https.',
    customerId: 'the customer-id attribute is missing, and endpoint contains {customerId}.',
    url: (attribute) => `${attribute} must be an https URL or a path on this site.`,
    names: 'the fields attribute must include firstName and lastName.',
    fields: (names) => `unknown names in fields or required: ${names}.`,
  },
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { sv, en };

/** `sv` or `en` from a `lang` value such as `en-GB`; Swedish for anything that is not English. */
export function resolveLang(lang: string | null | undefined): Lang {
  return (lang ?? '').toLowerCase().startsWith('en') ? 'en' : 'sv';
}

/** The words for an error code at an input. */
export function errorText(messages: Messages, code: ErrorCode, field: FieldName): string {
  if (code === 'required') return messages.required[field];
  if (code === 'tooLong') return messages.tooLong(messages.labels[field], maxLengthOf(field) ?? 0);
  return messages.errors[code];
}

/** The words for each input's error code. */
export function errorTexts(
  messages: Messages,
  codes: Partial<Record<FieldName, ErrorCode>>,
): Partial<Record<FieldName, string>> {
  const texts: Partial<Record<FieldName, string>> = {};
  for (const [field, code] of Object.entries(codes) as [FieldName, ErrorCode][])
    texts[field] = errorText(messages, code, field);
  return texts;
}
