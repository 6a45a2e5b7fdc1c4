// The product's own Tasklist configuration (Camunda's documented customisation point): the product's
// name, its language (English, or Chinese for a browser that asks for Chinese: locales/zh.json, or
// the language the person chose: /collab/language.js), the opportunity's id, customer and priority
// on each task card (collab/columns), a script that offers "Create task" only to
// people who may create tasks, and one that takes a person who signed in from a product page back
// to it.
import { locales } from '/collab/language.js';

export default {
  app: {
    name: 'Opportunity collaboration / 商机协作',
    vendor: 'OpenCollab'
  },
  locales: locales(),
  customScripts: ['collab/product', 'collab/return', 'collab/columns'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
