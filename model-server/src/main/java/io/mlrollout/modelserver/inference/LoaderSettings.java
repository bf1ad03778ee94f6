package io.mlrollout.modelserver.inference;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How models are fetched and run.
 *
 * @param workDir private directory of this process for downloaded or unpacked model files
 * @param downloadTimeout bound on connecting, on each read, and on the whole download
 * @param downloadMaxBytes a larger remote file is refused rather than filling the disk
 * @param predictors predictors (and so concurrent engine calls) in the pool
 * @param intraOpThreads engine threads per call; 1 lets the pool, not the engine, use the cores
 */
public record LoaderSettings(
        Path workDir, Duration downloadTimeout, long downloadMaxBytes, int predictors, int intraOpThreads) {}
