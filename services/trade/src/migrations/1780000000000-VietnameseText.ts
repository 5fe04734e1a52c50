// The Vietnamese collation and search normalisation, the same in every database.
export { VietnameseText1780000000000 } from "@camau/shared";
