"""The figures the README's robustness and privacy tables take from a `glassbox sanity` run's sanity.json."""
import json
import pathlib


def load(path):
    """A sanity.json, parsed."""
    return json.loads(pathlib.Path(path).read_text())


def method_figures(sanity, method):
    """Edge-likeness, survival of randomising the top layer and every layer, deletion and insertion AUC of one method."""
    randomisation, faithfulness = sanity["randomisation"], sanity["faithfulness"]
    after = randomisation["similarity"][method]["spearman-abs"]["mean"]
    return {
        "edgeSpearmanAbs": randomisation["edgeSimilarity"][method]["spearman-abs"]["mean"],
        "randomisedTopLayerSpearmanAbs": after[1],
        "randomisedAllLayersSpearmanAbs": after[-1],
        "deletionAuc": faithfulness[method]["deletionAuc"],
        "insertionAuc": faithfulness[method]["insertionAuc"],
    }


def random_map(sanity):
    """Deletion and insertion AUC of the random map the run scores beside the methods."""
    random = sanity["faithfulness"]["random"]
    return {"deletionAuc": random["deletionAuc"], "insertionAuc": random["insertionAuc"]}
