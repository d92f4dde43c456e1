/** English. */
import type { ConfigTexts, FormTexts, KindTexts, RelayMessages, StateTexts } from './types.js';

export const messages: FormTexts = {
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
  contactLegend: 'How can the broker reach you?',
  contactRule: 'Fill in email or phone so that the broker can reply.',
  submit: 'Send',
  sending: 'Sending…',
  sendingStatus: 'Sending your enquiry…',
  fallback: (email, phone) =>
    email && phone
      ? ['Email us at ', email, ' or call ', phone, '.']
      : email
        ? ['Email us at ', email, '.']
        : ['Call us on ', phone, '.'],
  fallbackSubject: 'Enquiry from the website',
  privacyPolicy: 'privacy policy',
  privacyPolicyPlain: 'privacy policy',
  privacySentence: (policy) => ['We process your personal data according to our ', policy, '.'],
  consentLabel: (policy) => ["I agree that my personal data is processed according to the broker's ", policy, '.'],
  previewNote: 'Preview: this form sends nothing.',
  behaviourFailed:
    'The form could not finish loading. Your details are still here. Check your connection and send again.',
};

export const states: StateTexts = {
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
  summaryHeading: 'There is a problem',
  sentHeading: 'Thank you for your enquiry!',
  sentBody: 'The broker will be in touch as soon as possible.',
  leadId: (id) => `Your reference number: ${id}`,
  queuedBody: 'We have received your enquiry, and it will reach the broker shortly.',
  receipt: (receipt) => `Your receipt: ${receipt}`,
  failed: {
    permanent:
      'Your enquiry cannot be sent right now. Your details are still here. Please contact the broker directly.',
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
  serverSaid: 'The receiver said:',
  consentRequired: 'Tick the box to agree that your details are processed',
  consentRecord: 'Consent to processing of personal data given',
  previewLeadId: 'PREVIEW',
};

export const kinds: KindTexts = {
  slotsLegend: 'Choose a viewing time',
  slotsLoading: 'Fetching the viewing times…',
  slotsNone: 'There are no viewing times to book right now.',
  offerInterest: 'Register your interest instead',
  slotsFailed: 'The viewing times could not be fetched.',
  retry: 'Try again',
  estateUnknown: 'This home is not on the market any more, or the link is wrong.',
  slotRequired: 'Choose a viewing time',
  slotFull: 'That time filled up just now. Choose another time.',
  slotPrefix: 'Viewing',
  thanks: {
    interest: { heading: 'Thank you for your interest!', body: 'The agent will get in touch about the home.' },
    viewing: { heading: 'You are booked!', body: (slot) => `You are booked for the viewing ${slot}.` },
    valuation: {
      heading: 'Thank you for your request!',
      body: 'The agent will get in touch to book a time for the valuation.',
    },
  },
};

export const config: ConfigTexts = {
  notSetUp: (detail) => `This form is not set up correctly: ${detail}`,
  endpoint: 'the endpoint attribute is missing.',
  endpointScheme: 'endpoint must be an https URL or a path on this site, such as /api/lead.',
  mixedContent: 'endpoint is an http URL on an https page, and the browser blocks the call. Use https.',
  customerId: 'the customer-id attribute is missing, and the address the form sends to needs it.',
  url: (attribute) => `${attribute} must be an https URL or a path on this site.`,
  names: 'the fields attribute must include firstName and lastName.',
  fields: (names) => `unknown names in fields or required: ${names}.`,
  kind: (value) => `kind="${value}" is no kind of form; use lead, interest, viewing or valuation.`,
  estateId: 'the estate-id attribute is missing or is no estate id.',
  relay: "the relay attribute (the relay's address) is missing.",
  kindFields: (names) => `this form does not take the fields ${names}.`,
};

export const relayMessages: RelayMessages = {
  issues: {
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
  parts: {
    request: 'The request',
    person: 'The person',
    isForeignSocialSecurityNumber: 'Foreign number',
    receiver: 'The receiver',
    leadSource: 'The lead source',
    'leadSource.name': 'The lead source name',
    'leadSource.leadType': 'The lead type',
    marketing: 'The marketing data',
    'marketing.referrer': 'The referrer',
    'marketing.utmTags': 'The UTM tags',
    timeSlotId: 'The viewing time',
    status: 'The interest status',
    gdprApprovalDate: 'The date of consent',
    hasApproved: 'The consent',
    reminderTime: 'The reminder time',
    leadSourceId: 'The lead source',
    assignmentSourceId: 'The intake source',
    userId: 'The receiver',
  },
  request: {
    invalidJson: 'The request is not valid JSON.',
    invalidUtf8: 'The request is not valid UTF-8 text.',
    tooDeep: 'The request is nested too deeply.',
    incomplete: 'The request did not arrive in full.',
  },
};
