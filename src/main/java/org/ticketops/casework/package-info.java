/**
 * What every process shares: cases with guarded, timestamped transitions, declared per process by a
 * {@link org.ticketops.casework.CaseDefinition}. A capability opens a case when its process registers a
 * request and moves it as the work is done; a move the definition does not allow is refused.
 */
package org.ticketops.casework;
