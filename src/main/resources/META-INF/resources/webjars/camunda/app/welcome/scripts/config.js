// The product's own Welcome configuration (Camunda's documented customisation point; Welcome is
// where "My profile" leads): English, or Chinese for a browser that asks for Chinese
// (locales/zh.json), or the language the person chose in the user menu: /collab/language.js.
import { locales } from '/collab/language.js';

export default {
  locales: locales()
};
