// TicketOps' Cockpit configuration (overrides the one in Camunda's webapp jar): adds the cycle-time heatmap on the
// process definition diagram (ticketops-heatmap.js, served from the TicketOps jar).
export default {
  customScripts: ['scripts/ticketops-heatmap.js']
};
