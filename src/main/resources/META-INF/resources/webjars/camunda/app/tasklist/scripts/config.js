// The product's own Tasklist configuration (Camunda's documented customisation point): the product's
// name, a script that offers "Create task" only to people who may create tasks, and one that takes a
// person who signed in from a product page back to it.
export default {
  app: {
    name: 'Opportunity collaboration / 商机协作',
    vendor: 'OpenCollab'
  },
  customScripts: ['collab/product', 'collab/return'],
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
