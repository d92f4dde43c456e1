// The demo loads the element from source, as a broker's site loads dist/vitec-lead-form.js.
import '../src/index.ts';
import './panel.ts';
