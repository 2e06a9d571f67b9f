// TicketOps heatmap: a Cockpit plugin on the process definition diagram. Each flow node is coloured by its p90
// duration against its target (green within, amber up to twice, red beyond, grey without a target) and labelled
// with p50, p90 and how many ended, over the chosen period. The figures come from the monitor's aggregates
// (GET /api/monitor/heatmap, read with Cockpit's own log-in); nothing is fetched from outside.
const COLOURS = {ok: '26,127,55', warn: '191,135,0', late: '180,35,24', none: '87,96,106'};
const PERIODS = [[7, 'Last 7 days'], [30, 'Last 30 days'], [90, 'Last 90 days'], [365, 'Last year'], [730, 'Last 2 years']];

function contextRoot() {
  const base = document.querySelector('base');
  const href = base ? base.getAttribute('href') : '/camunda/app/cockpit/';
  const at = href.indexOf('/camunda/');
  return at > 0 ? href.substring(0, at) : '';
}

function day(date) {
  const pad = n => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

function duration(ms) {
  if (ms == null) return '–';
  const minutes = Math.round(ms / 60000);
  if (ms < 60000) return Math.round(ms / 1000) + ' s';
  if (minutes < 60) return minutes + ' min';
  if (minutes < 48 * 60) return Math.round(minutes / 6) / 10 + ' h';
  return Math.round(minutes / 144) / 10 + ' d';
}

function text(value) {
  const span = document.createElement('span');
  span.textContent = value;
  return span.innerHTML;
}

export default {
  id: 'ticketops.heatmap',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 10,
  render: (viewer, context) => {
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const container = viewer.get('canvas').getContainer();
    const fromHash = (window.location.hash.match(/process-definition\/([^/?]+)/) || [])[1];
    const definitionId = (context && context.processDefinitionId) || (fromHash && decodeURIComponent(fromHash));
    let shown = [];

    const bar = document.createElement('div');
    bar.className = 'ticketops-heatmap-bar';
    bar.style.cssText = 'position:absolute;top:8px;left:8px;z-index:10;background:#fff;border:1px solid #ccc;'
      + 'border-radius:4px;padding:4px 8px;font-size:12px;box-shadow:0 1px 3px rgba(0,0,0,.15)';
    bar.innerHTML = '<strong>Cycle-time heatmap</strong> '
      + '<select class="ticketops-heatmap-period" style="font-size:12px">'
      + PERIODS.map(([days, label]) => '<option value="' + days + '"' + (days === 30 ? ' selected' : '') + '>' + label + '</option>').join('')
      + '</select> <label style="font-weight:normal;margin:0"><input type="checkbox" class="ticketops-heatmap-show" checked> show</label>'
      + ' <span class="ticketops-heatmap-status" style="color:#57606a"></span>';
    container.style.position = container.style.position || 'relative';
    container.appendChild(bar);
    const status = bar.querySelector('.ticketops-heatmap-status');

    function clear() {
      shown.forEach(id => overlays.remove(id));
      shown = [];
    }

    async function draw() {
      clear();
      if (!bar.querySelector('.ticketops-heatmap-show').checked || !definitionId) return;
      const days = Number(bar.querySelector('.ticketops-heatmap-period').value);
      const to = new Date();
      const from = new Date(to.getTime() - (days - 1) * 86400000);
      status.textContent = '…';
      const url = contextRoot() + '/api/monitor/heatmap?processDefinitionId=' + encodeURIComponent(definitionId)
        + '&from=' + day(from) + '&to=' + day(to);
      let data;
      try {
        const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
        if (!response.ok) {
          status.textContent = response.status === 403 ? 'not for your groups' : 'unavailable (' + response.status + ')';
          return;
        }
        data = await response.json();
      } catch (e) {
        status.textContent = 'unavailable';
        return;
      }
      clear();
      for (const node of data.nodes) {
        const element = registry.get(node.nodeId);
        if (!element || !element.width) continue;
        const rgb = COLOURS[node.level] || COLOURS.none;
        shown.push(overlays.add(node.nodeId, 'ticketops-heatmap', {
          position: {top: 0, left: 0},
          html: '<div class="ticketops-heat ticketops-heat-' + text(node.level) + '" style="pointer-events:none;width:'
            + element.width + 'px;height:' + element.height + 'px;background:rgba(' + rgb + ',.28);border:3px solid rgb('
            + rgb + ');border-radius:' + (element.type === 'bpmn:Task' || /Task$/.test(element.type) ? 10 : 4) + 'px"></div>'
        }));
        const target = node.targetMs == null ? '' : ' / target ' + duration(node.targetMs);
        shown.push(overlays.add(node.nodeId, 'ticketops-heatmap', {
          position: {bottom: -4, left: -10},
          html: '<div class="ticketops-heat-label" title="' + text(node.name) + '" style="pointer-events:none;white-space:nowrap;'
            + 'font-size:11px;line-height:13px;padding:1px 4px;border-radius:3px;background:rgb(' + rgb + ');color:#fff">'
            + 'p50 ' + duration(node.p50Ms) + ' · p90 ' + duration(node.p90Ms) + target + ' · ' + node.count + '</div>'
        }));
      }
      status.textContent = data.nodes.length ? '' : 'nothing ended in this period';
    }

    bar.querySelector('.ticketops-heatmap-period').addEventListener('change', draw);
    bar.querySelector('.ticketops-heatmap-show').addEventListener('change', draw);
    draw();
  }
};
