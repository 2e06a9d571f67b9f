// TicketOps: after a start form is submitted, Tasklist says only "The process has been started".
// This script watches for the form's submission (POST .../process-definition/.../submit-form), asks
// TicketOps for the case the new process instance opened (GET /api/cases/started/{id}, with the Tasklist
// log-in of this browser) and shows its number and outcome until the clerk closes it.
// Everything shown is set as text, never as HTML.

const SUBMIT = /\/process-definition\/(key\/)?[^/]+\/submit-form$/;
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const contextPath = appRoot.substring(0, appRoot.lastIndexOf('/'));

function panel() {
  let box = document.getElementById('ticketops-started');
  if (!box) {
    box = document.createElement('div');
    box.id = 'ticketops-started';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;top:60px;right:16px;z-index:2000;max-width:460px;box-shadow:0 2px 8px rgba(0,0,0,.25)';
    document.body.appendChild(box);
  }
  return box;
}

function show(title, text, kind) {
  const box = panel();
  box.className = 'alert alert-' + kind;
  box.textContent = '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => box.remove());
  const heading = document.createElement('strong');
  heading.className = 'ticketops-started-title';
  heading.textContent = title;
  const body = document.createElement('div');
  body.className = 'ticketops-started-outcome';
  body.textContent = text;
  box.append(close, heading, body);
}

async function started(processInstanceId) {
  try {
    const response = await fetch(contextPath + '/api/cases/started/' + encodeURIComponent(processInstanceId),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.ok) {
      const found = await response.json();
      const prefix = found.businessKey + ': ';
      let text = found.outcome.startsWith(prefix) ? found.outcome.substring(prefix.length) : found.outcome;
      text = text.charAt(0).toUpperCase() + text.substring(1);
      show('Started ' + found.businessKey, text, found.status === 'REJECTED' ? 'warning' : 'success');
    }
  } catch (e) {
    // the process has started either way; Tasklist says so
  }
}

function watch(method, url, readBody) {
  if (String(method).toUpperCase() !== 'POST' || !SUBMIT.test(String(url).split('?')[0])) {
    return;
  }
  readBody().then(text => {
    const id = JSON.parse(text).id;
    if (id) {
      started(id);
    }
  }).catch(() => undefined);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.ticketopsRequest = [method, url];
  return open.call(this, method, url, ...rest);
};
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  const [method, url] = this.ticketopsRequest || [];
  if (method) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        watch(method, url, () => Promise.resolve(this.responseText));
      }
    });
  }
  return send.apply(this, args);
};
const originalFetch = window.fetch;
window.fetch = async function (input, init) {
  const response = await originalFetch.call(this, input, init);
  const url = typeof input === 'string' ? input : input.url;
  const method = (init && init.method) || (typeof input === 'string' ? 'GET' : input.method);
  if (response.ok) {
    watch(method, url, () => response.clone().text());
  }
  return response;
};

export default [];
