package io.mlrollout.modelserver.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Iris-like flowers, generated so that nothing is downloaded: per species, each feature is drawn
 * from a normal distribution with the mean and standard deviation of Fisher's iris measurements
 * (sepal length, sepal width, petal length, petal width, in cm). Species are drawn in turn, so the
 * classes are balanced. Optional extra features are standard normal noise.
 */
public final class IrisLikeData {

    public static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    private static final double[][] MEANS = {
        {5.006, 3.428, 1.462, 0.246}, {5.936, 2.770, 4.260, 1.326}, {6.588, 2.974, 5.552, 2.026}
    };
    private static final double[][] STD_DEVS = {
        {0.352, 0.379, 0.174, 0.105}, {0.516, 0.314, 0.470, 0.198}, {0.636, 0.322, 0.552, 0.275}
    };

    private IrisLikeData() {}

    /** The features of a typical flower of {@code species}: its mean measurements. */
    public static float[] typical(String species) {
        double[] means = MEANS[SPECIES.indexOf(species)];
        float[] row = new float[means.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) means[i];
        }
        return row;
    }

    static MutableDataset<Label> dataset(String description, int rows, long seed, int noiseFeatures) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        dataset.addAll(examples(rows, seed, noiseFeatures));
        return dataset;
    }

    private static List<Example<Label>> examples(int rows, long seed, int noiseFeatures) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = featureNames(4 + noiseFeatures);
        List<Example<Label>> examples = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            int species = row % SPECIES.size();
            double[] values = new double[names.length];
            for (int f = 0; f < values.length; f++) {
                double gaussian = gaussian(random);
                values[f] = f < 4 ? MEANS[species][f] + STD_DEVS[species][f] * gaussian : gaussian;
            }
            examples.add(new ArrayExample<>(new Label(SPECIES.get(species)), names, values));
        }
        return examples;
    }

    /** Tribuo orders features by name; x0..x9 keeps that order equal to the column order. */
    private static String[] featureNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "x" + i;
        }
        return names;
    }

    /** Box-Muller with StrictMath, so the sequence depends only on the seed, not on the CPU or JDK. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
