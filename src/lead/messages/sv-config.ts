/**
 * What a Swedish form set up wrong says, for the page's editor: in the part of the form loaded at the first focus in it
 * (config-check.ts), not in the entry file with the rest of Swedish (sv.ts).
 */
import type { ConfigTexts } from './types.js';

export const config: ConfigTexts = {
  notSetUp: (detail) => `Formuläret är inte rätt inställt: ${detail}`,
  endpoint: 'attributet endpoint saknas.',
  endpointScheme: 'endpoint måste vara en https-adress eller en sökväg på sajten, som /api/lead.',
  mixedContent: 'endpoint är en http-adress på en https-sida, och webbläsaren stoppar anropet. Använd https.',
  customerId: 'attributet customer-id saknas, och adressen formuläret skickar till behöver det.',
  url: (attribute) => `${attribute} måste vara en https-adress eller en sökväg på sajten.`,
  names: 'attributet fields måste innehålla firstName och lastName.',
  fields: (names) => `okända fält i fields eller required: ${names}.`,
  kind: (value) => `kind="${value}" finns inte; välj lead, interest, viewing eller valuation.`,
  estateId: 'attributet estate-id saknas eller är inget objekt-id.',
  relay: 'attributet relay saknas (adressen till reläet).',
  kindFields: (names) => `det här formuläret tar inte fälten ${names}.`,
};
