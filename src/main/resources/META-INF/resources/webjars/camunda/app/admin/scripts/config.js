// TicketOps' admin configuration (replaces the webjar's default config.js).
export default {
  app: {
    name: 'Admin',
    vendor: 'TicketOps'
  },
  // a link to the service desk in the header (tasklist/scripts/ticketops/desk-link.js, shared by the three apps)
  customScripts: ['../tasklist/scripts/ticketops/desk-link']
};
