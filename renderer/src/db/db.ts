import { activeDatabaseName } from './location';
import { EcoDeskDb } from './schema';

/** The app's one database connection. Only modules under db/ import this. */
export const db = new EcoDeskDb(activeDatabaseName());
