/**
 * Swedish texts a form shows once the visitor has acted (errors, the summary, the thank-you, failures): in the lazily
 * loaded part of the form, not in the entry file with the rest of Swedish (sv.ts).
 */
import type { StateTexts } from './types.js';

export const states: StateTexts = {
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
  summaryHeading: 'Det finns ett problem',
  sentHeading: 'Tack för din förfrågan!',
  sentBody: 'Mäklaren hör av sig så snart som möjligt.',
  leadId: (id) => `Ditt ärendenummer: ${id}`,
  queuedBody: 'Vi har tagit emot din förfrågan, och den når mäklaren inom kort.',
  receipt: (receipt) => `Ditt kvitto: ${receipt}`,
  failed: {
    permanent: 'Förfrågan kan inte skickas just nu. Dina uppgifter finns kvar. Kontakta mäklaren direkt.',
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
  serverSaid: 'Mottagaren svarade:',
  consentRequired: 'Kryssa i rutan för att samtycka till att dina uppgifter behandlas',
  consentRecord: 'Samtycke till behandling av personuppgifter lämnades',
  previewLeadId: 'FÖRHANDSVISNING',
};
