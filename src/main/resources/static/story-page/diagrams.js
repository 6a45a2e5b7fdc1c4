'use strict';

// What the story page and the waiting times page share to draw a model with the bundled bpmn-js
// viewer (loaded before this script).

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const DI = 'http://www.omg.org/spec/BPMN/20100524/DI';
const SHARED = new Set(['message', 'signal', 'error', 'escalation']);

// The bundled viewer draws process diagrams; a phase (a collapsed sub-process with a diagram of its
// own) is drawn as a process of the same id holding the phase's elements and lanes.
function phaseXml(model, diagram, phaseId) {
  const phase = model.querySelector('[id="' + phaseId + '"]');
  const copy = document.implementation.createDocument(null, null, null);
  const root = copy.importNode(model.documentElement, false);
  copy.appendChild(root);
  Array.from(model.documentElement.children)
    .filter((child) => SHARED.has(child.localName))
    .forEach((child) => root.appendChild(copy.importNode(child, true)));
  const process = copy.createElementNS(BPMN, 'bpmn:process');
  process.setAttribute('id', phaseId);
  Array.from(phase.children)
    .filter((child) => !['incoming', 'outgoing', 'documentation', 'extensionElements'].includes(child.localName))
    .forEach((child) => process.appendChild(copy.importNode(child, true)));
  root.appendChild(process);
  root.appendChild(copy.importNode(diagram, true));
  return new XMLSerializer().serializeToString(copy);
}
