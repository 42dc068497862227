/**
 * The service desk: support tickets worked in queues under SLA timers.
 *
 * <p>API: {@link io.usher.desk.BusinessCalendar} (opening hours, holidays and the business-time arithmetic SLA due
 * times come from), {@link io.usher.desk.SlaClock} (an SLA timer folded from its append-only
 * {@link io.usher.desk.SlaEvent}s, able to explain its due time), {@link io.usher.desk.SlaPolicies} (targets per
 * priority and category) and {@link io.usher.desk.Priority}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Desk")
package io.usher.desk;
