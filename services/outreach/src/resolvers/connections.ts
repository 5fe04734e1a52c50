import { PublishedFigure } from "../entities/PublishedFigure";
import { TrainingClass } from "../entities/TrainingClass";
import { CacheHint, Connection } from "@camau/shared";

/** The outreach subgraph's connection types, declared once. */
export const TrainingClassConnection = Connection(TrainingClass, "TrainingClass", "class", CacheHint.public);
export const PublishedFigureConnection = Connection(PublishedFigure, "PublishedFigure", "published figure", CacheHint.report);
