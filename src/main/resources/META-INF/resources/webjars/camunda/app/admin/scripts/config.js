// The product's own Camunda webapp configuration (Camunda's documented customisation point).
// English, or Chinese for a browser that asks for Chinese (locales/zh.json), or the language the
// person chose in the user menu: /collab/language.js.
import { locales } from '/collab/language.js';

export default {
  app: {
    name: 'Opportunity collaboration / 商机协作',
    vendor: 'OpenCollab'
  },
  locales: locales()
};
