// TicketOps: a "Desk" link in the header of Camunda's webapps, next to the app's own menu.
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const desk = appRoot.substring(0, appRoot.lastIndexOf('/')) + '/desk';

function addLink() {
  if (document.getElementById('ticketops-desk-link')) {
    return true;
  }
  const menu = document.querySelector('.navbar-header') || document.querySelector('[cam-widget-header]');
  if (!menu) {
    return false;
  }
  const link = document.createElement('a');
  link.id = 'ticketops-desk-link';
  link.href = desk;
  link.textContent = 'Desk';
  link.title = 'TicketOps service desk';
  link.style.cssText = 'float:right;margin:14px 12px 0 0;font-weight:600';
  menu.appendChild(link);
  return true;
}

const timer = setInterval(() => {
  if (addLink()) {
    clearInterval(timer);
  }
}, 300);
setTimeout(() => clearInterval(timer), 30000);

export default [];
