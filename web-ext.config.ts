import { defineWebExtConfig } from 'wxt';

// `wxt dev` cannot open a headed browser on CI machines; `npm start` launches Chromium itself.
export default defineWebExtConfig({ disabled: true });
