/** Click ids taken besides `utm_*` when the `tracking-params` attribute is not set (the element's default). */
export const DEFAULT_TRACKING_PARAMS = ['gclid', 'fbclid', 'msclkid'] as const;
