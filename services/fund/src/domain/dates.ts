// Date arithmetic lives in @camau/shared (calendar/isoDates.ts); this module only keeps the demo
// generator's import working until it imports from there itself.
export { addDays, addMonths, daysBetween, dayNumber, isoOfDay, maxDate } from "@camau/shared";
