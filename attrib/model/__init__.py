"""The tagger: features, classifiers, the speaker ranker, calibration and model files."""
