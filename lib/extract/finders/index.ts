/** The finders, in the order they run: each claims what it keeps, and later ones skip claimed sources. */
import { citationMeta } from './citation-meta';
import { inlineLabel } from './inline-label';
import { machineSignals } from './machine-signals';
import { labelled } from './labelled';
import { markerTargets } from './marker-targets';
import { plainText } from './plain-text';
import { sidenotes } from './sidenotes';
import { structural } from './structural';
import type { Finder } from './types';

export const FINDERS: readonly Finder[] = [machineSignals, labelled, structural, sidenotes, inlineLabel, markerTargets, plainText, citationMeta];
