// The product's own Camunda webapp configuration (Camunda's documented customisation point).
export default {
  app: {
    name: 'Opportunity collaboration / 商机协作',
    vendor: 'OpenCollab'
  }
};
