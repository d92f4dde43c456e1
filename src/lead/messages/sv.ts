/** Swedish: the default, and the language of Vitec’s own ModelState. */
import type { Messages, RelayMessages } from './types.js';

export const messages: Messages = {
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
  queuedBody: 'Vi har tagit emot din förfrågan, och den når mäklaren inom kort.',
  receipt: (receipt) => `Ditt kvitto: ${receipt}`,
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
  },
  request: {
    invalidJson: 'Förfrågan innehåller ogiltig JSON.',
    invalidUtf8: 'Förfrågan är inte giltig UTF-8-text.',
    tooDeep: 'Förfrågan är nästlad för djupt.',
    incomplete: 'Förfrågan kom inte fram i sin helhet.',
  },
};
