// TicketOps' cockpit configuration (replaces the webjar's default config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'TicketOps'
  },
  customScripts: [
    // a link to the service desk in the header (tasklist/scripts/ticketops/desk-link.js, shared by the three apps)
    '../tasklist/scripts/ticketops/desk-link',
    // the cycle-time heatmap on the process definition diagram, from the monitor's aggregates
    'scripts/ticketops-heatmap'
  ]
};
