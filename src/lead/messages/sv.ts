/**
 * Swedish: the default, and the language of Vitec’s own ModelState. Its state texts are in sv-states.ts, so that the
 * entry file, which holds Swedish, does not carry them.
 */
import type { FormTexts, RelayMessages } from './types.js';

export const messages: FormTexts = {
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
  contactLegend: 'Hur når mäklaren dig?',
  contactRule: 'Fyll i e-post eller telefon så att mäklaren kan svara dig.',
  submit: 'Skicka',
  sending: 'Skickar…',
  sendingStatus: 'Skickar din förfrågan…',
  fallback: (email, phone) =>
    email && phone
      ? ['Mejla oss på ', email, ' eller ring ', phone, '.']
      : email
        ? ['Mejla oss på ', email, '.']
        : ['Ring oss på ', phone, '.'],
  fallbackSubject: 'Förfrågan från webbplatsen',
  privacyPolicy: 'integritetspolicy',
  privacyPolicyPlain: 'integritetspolicy',
  privacySentence: (policy) => ['Vi behandlar dina personuppgifter enligt vår ', policy, '.'],
  consentLabel: (policy) => ['Jag samtycker till att mina personuppgifter behandlas enligt mäklarens ', policy, '.'],
  previewNote: 'Förhandsvisning: formuläret skickar ingenting.',
  behaviourFailed:
    'Formuläret kunde inte laddas klart. Dina uppgifter finns kvar. Kontrollera anslutningen och skicka igen.',
};

export const relayMessages: RelayMessages = {
  issues: {
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
  parts: {
    request: 'Förfrågan',
    person: 'Personen',
    isForeignSocialSecurityNumber: 'Utländskt nummer',
    receiver: 'Mottagaren',
    leadSource: 'Leadkällan',
    'leadSource.name': 'Leadkällans namn',
    'leadSource.leadType': 'Leadtypen',
    marketing: 'Marknadsföringsdata',
    'marketing.referrer': 'Hänvisande sida',
    'marketing.utmTags': 'UTM-taggarna',
    timeSlotId: 'Visningstiden',
    status: 'Intressestatusen',
    gdprApprovalDate: 'Datumet för samtycket',
    hasApproved: 'Samtycket',
    reminderTime: 'Påminnelsetiden',
    leadSourceId: 'Leadkällan',
    assignmentSourceId: 'Intagskällan',
    userId: 'Mottagaren',
  },
  request: {
    invalidJson: 'Förfrågan innehåller ogiltig JSON.',
    invalidUtf8: 'Förfrågan är inte giltig UTF-8-text.',
    tooDeep: 'Förfrågan är nästlad för djupt.',
    incomplete: 'Förfrågan kom inte fram i sin helhet.',
  },
};
