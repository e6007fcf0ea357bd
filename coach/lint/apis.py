"""What the linter knows about ML library APIs, keyed by the *last* name of a call.

Calls are recognised by their final identifier (`StandardScaler`, `preprocessing.StandardScaler`,
`sklearn.preprocessing.StandardScaler` and a star-imported `StandardScaler` all match), because
real notebooks import in every possible way and these names are distinctive.

Stateful vs stateless, the decision that drives LEAK001: a transform is *stateful* when fitting it
learns a statistic of the rows' values (means, medians, variances, quantiles, principal
directions, IDF weights or frequency-cut vocabularies, per-category target means, selected
features). Encoders that only learn the set of category labels (LabelEncoder, OneHotEncoder,
OrdinalEncoder, LabelBinarizer, `pd.get_dummies`, `factorize`) carry no distributional
information about the test rows, so fitting them before the split is not reported as leakage.
Refitting *any* of them on the test set alone is still reported (EVAL001): the codes differ.
"""

from __future__ import annotations

import re

# Feature selectors: what they keep (`support_`, `get_support()`) was learned from their rows.
FEATURE_SELECTORS: frozenset[str] = frozenset(
    {
        "SelectKBest",
        "SelectPercentile",
        "SelectFpr",
        "SelectFdr",
        "SelectFwe",
        "GenericUnivariateSelect",
        "VarianceThreshold",
        "RFE",
        "RFECV",
        "SelectFromModel",
        "SequentialFeatureSelector",
        "Boruta",
        "BorutaPy",
    }
)

# Transformers whose fit learns statistics of the data (LEAK001 when fitted on all rows);
# feature selectors are among them.
STATEFUL_TRANSFORMERS: frozenset[str] = FEATURE_SELECTORS | frozenset(
    {
        # scaling
        "StandardScaler",
        "MinMaxScaler",
        "MaxAbsScaler",
        "RobustScaler",
        "QuantileTransformer",
        "PowerTransformer",
        "KBinsDiscretizer",
        "SplineTransformer",
        # imputation
        "SimpleImputer",
        "Imputer",
        "KNNImputer",
        "IterativeImputer",
        "MissingIndicator",
        # target / frequency encoders
        "TargetEncoder",
        "CountEncoder",
        "CatBoostEncoder",
        "WOEEncoder",
        "JamesSteinEncoder",
        "MEstimateEncoder",
        "LeaveOneOutEncoder",
        "GLMMEncoder",
        "HelmertEncoder",
        "BinaryEncoder",
        # decomposition / projection
        "PCA",
        "IncrementalPCA",
        "KernelPCA",
        "SparsePCA",
        "TruncatedSVD",
        "FactorAnalysis",
        "FastICA",
        "NMF",
        "LatentDirichletAllocation",
        "LinearDiscriminantAnalysis_transform",
        "TSNE",
        "UMAP",
        "Isomap",
        # text
        "TfidfVectorizer",
        "CountVectorizer",
        "TfidfTransformer",
        # keras preprocessing (fitted with adapt / fit_on_texts / fit)
        "Normalization",
        "TextVectorization",
        "Discretization",
        "Tokenizer",
        "ImageDataGenerator",
    }
)


# Scalers: their presence means "the features were scaled" (SCALE001).
SCALERS: frozenset[str] = frozenset(
    {
        "StandardScaler",
        "MinMaxScaler",
        "MaxAbsScaler",
        "RobustScaler",
        "QuantileTransformer",
        "PowerTransformer",
        "Normalizer",
        "Normalization",
        "normalize",
        "scale",
        "minmax_scale",
        "robust_scale",
        "maxabs_scale",
        "TfidfVectorizer",
        "TfidfTransformer",
    }
)

# Encoders that learn only a vocabulary of labels: not LEAK001, but refitting on test is EVAL001.
VOCAB_ENCODERS: frozenset[str] = frozenset(
    {
        "LabelEncoder",
        "OneHotEncoder",
        "OrdinalEncoder",
        "LabelBinarizer",
        "MultiLabelBinarizer",
        "DictVectorizer",
        "HashingVectorizer",
        "PolynomialFeatures",
        "FunctionTransformer",
        "Binarizer",
        "Normalizer",
    }
)

RESAMPLERS: frozenset[str] = frozenset(
    {
        "SMOTE",
        "SMOTENC",
        "SMOTEN",
        "ADASYN",
        "BorderlineSMOTE",
        "SVMSMOTE",
        "KMeansSMOTE",
        "RandomOverSampler",
        "RandomUnderSampler",
        "NearMiss",
        "TomekLinks",
        "EditedNearestNeighbours",
        "RepeatedEditedNearestNeighbours",
        "AllKNN",
        "CondensedNearestNeighbour",
        "OneSidedSelection",
        "NeighbourhoodCleaningRule",
        "InstanceHardnessThreshold",
        "ClusterCentroids",
        "SMOTETomek",
        "SMOTEENN",
    }
)
OVERSAMPLERS: frozenset[str] = frozenset(
    {
        "SMOTE",
        "SMOTENC",
        "SMOTEN",
        "ADASYN",
        "BorderlineSMOTE",
        "SVMSMOTE",
        "KMeansSMOTE",
        "RandomOverSampler",
        "SMOTETomek",
        "SMOTEENN",
    }
)

CLASSIFIERS: frozenset[str] = frozenset(
    {
        "LogisticRegression",
        "LogisticRegressionCV",
        "RidgeClassifier",
        "RidgeClassifierCV",
        "SGDClassifier",
        "Perceptron",
        "PassiveAggressiveClassifier",
        "SVC",
        "LinearSVC",
        "NuSVC",
        "KNeighborsClassifier",
        "RadiusNeighborsClassifier",
        "NearestCentroid",
        "DecisionTreeClassifier",
        "ExtraTreeClassifier",
        "RandomForestClassifier",
        "ExtraTreesClassifier",
        "GradientBoostingClassifier",
        "HistGradientBoostingClassifier",
        "AdaBoostClassifier",
        "BaggingClassifier",
        "VotingClassifier",
        "StackingClassifier",
        "GaussianNB",
        "MultinomialNB",
        "BernoulliNB",
        "ComplementNB",
        "CategoricalNB",
        "MLPClassifier",
        "LinearDiscriminantAnalysis",
        "QuadraticDiscriminantAnalysis",
        "GaussianProcessClassifier",
        "XGBClassifier",
        "XGBRFClassifier",
        "LGBMClassifier",
        "CatBoostClassifier",
        "BalancedRandomForestClassifier",
        "BalancedBaggingClassifier",
        "EasyEnsembleClassifier",
        "RUSBoostClassifier",
        "DummyClassifier",
        "OneVsRestClassifier",
        "OneVsOneClassifier",
        "CalibratedClassifierCV",
        "TabNetClassifier",
    }
)

REGRESSORS: frozenset[str] = frozenset(
    {
        "LinearRegression",
        "Ridge",
        "RidgeCV",
        "Lasso",
        "LassoCV",
        "ElasticNet",
        "ElasticNetCV",
        "Lars",
        "LassoLars",
        "BayesianRidge",
        "ARDRegression",
        "HuberRegressor",
        "TheilSenRegressor",
        "RANSACRegressor",
        "PoissonRegressor",
        "TweedieRegressor",
        "GammaRegressor",
        "QuantileRegressor",
        "SGDRegressor",
        "PassiveAggressiveRegressor",
        "SVR",
        "LinearSVR",
        "NuSVR",
        "KNeighborsRegressor",
        "RadiusNeighborsRegressor",
        "DecisionTreeRegressor",
        "ExtraTreeRegressor",
        "RandomForestRegressor",
        "ExtraTreesRegressor",
        "GradientBoostingRegressor",
        "HistGradientBoostingRegressor",
        "AdaBoostRegressor",
        "BaggingRegressor",
        "VotingRegressor",
        "StackingRegressor",
        "MLPRegressor",
        "KernelRidge",
        "GaussianProcessRegressor",
        "XGBRegressor",
        "XGBRFRegressor",
        "LGBMRegressor",
        "CatBoostRegressor",
        "DummyRegressor",
        "TabNetRegressor",
    }
)

CLUSTERERS: frozenset[str] = frozenset(
    {"KMeans", "MiniBatchKMeans", "DBSCAN", "AgglomerativeClustering", "GaussianMixture"}
)

# Keras / PyTorch-style models that are built, compiled, then fitted.
KERAS_MODELS: frozenset[str] = frozenset(
    {"Sequential", "Model", "KerasClassifier", "KerasRegressor"}
)

MODELS: frozenset[str] = CLASSIFIERS | REGRESSORS | KERAS_MODELS | CLUSTERERS

BASELINES: frozenset[str] = frozenset(
    {
        "DummyClassifier",
        "DummyRegressor",
        "LogisticRegression",
        "LogisticRegressionCV",
        "LinearRegression",
        "Ridge",
        "RidgeCV",
        "RidgeClassifier",
        "Lasso",
        "ElasticNet",
    }
)

# Estimators whose result changes run to run unless random_state is set (REPRO002). XGBoost,
# LightGBM and CatBoost use a fixed default seed, so they are deliberately absent.
STOCHASTIC_MODELS: frozenset[str] = frozenset(
    {
        "RandomForestClassifier",
        "RandomForestRegressor",
        "ExtraTreesClassifier",
        "ExtraTreesRegressor",
        "GradientBoostingClassifier",
        "GradientBoostingRegressor",
        "DecisionTreeClassifier",
        "DecisionTreeRegressor",
        "MLPClassifier",
        "MLPRegressor",
        "SGDClassifier",
        "SGDRegressor",
        "BaggingClassifier",
        "BaggingRegressor",
        "AdaBoostClassifier",
        "AdaBoostRegressor",
        "KMeans",
        "MiniBatchKMeans",
        "IsolationForest",
        "BalancedRandomForestClassifier",
    }
)

# Models whose result depends on the feature scales (SCALE001).
SCALE_SENSITIVE: frozenset[str] = frozenset(
    {
        "KNeighborsClassifier",
        "KNeighborsRegressor",
        "RadiusNeighborsClassifier",
        "RadiusNeighborsRegressor",
        "SVC",
        "SVR",
        "NuSVC",
        "NuSVR",
        "LinearSVC",
        "LinearSVR",
        "KMeans",
        "MiniBatchKMeans",
        "MLPClassifier",
        "MLPRegressor",
        "SGDClassifier",
        "SGDRegressor",
    }
)

PIPELINES: frozenset[str] = frozenset(
    {
        "Pipeline",
        "make_pipeline",
        "ColumnTransformer",
        "make_column_transformer",
        "FeatureUnion",
        "make_union",
        "TransformedTargetRegressor",
    }
)

SEARCHES: frozenset[str] = frozenset(
    {
        "GridSearchCV",
        "RandomizedSearchCV",
        "HalvingGridSearchCV",
        "HalvingRandomSearchCV",
        "BayesSearchCV",
    }
)

SPLITTERS: frozenset[str] = frozenset(
    {
        "KFold",
        "StratifiedKFold",
        "RepeatedKFold",
        "RepeatedStratifiedKFold",
        "GroupKFold",
        "StratifiedGroupKFold",
        "ShuffleSplit",
        "StratifiedShuffleSplit",
        "GroupShuffleSplit",
        "TimeSeriesSplit",
        "LeaveOneOut",
        "LeavePOut",
        "LeaveOneGroupOut",
        "PredefinedSplit",
    }
)
# Splitters that shuffle by construction (random_state matters even without shuffle=True).
ALWAYS_SHUFFLING_SPLITTERS: frozenset[str] = frozenset(
    {
        "ShuffleSplit",
        "StratifiedShuffleSplit",
        "GroupShuffleSplit",
        "RepeatedKFold",
        "RepeatedStratifiedKFold",
    }
)
UNSTRATIFIED_SPLITTERS: frozenset[str] = frozenset({"KFold", "RepeatedKFold", "ShuffleSplit"})

CV_FUNCTIONS: frozenset[str] = frozenset(
    {
        "cross_val_score",
        "cross_validate",
        "cross_val_predict",
        "learning_curve",
        "validation_curve",
        "permutation_test_score",
    }
)

READERS: frozenset[str] = frozenset(
    {
        "read_csv",
        "read_table",
        "read_excel",
        "read_parquet",
        "read_json",
        "read_feather",
        "read_pickle",
        "read_sql",
        "read_sql_query",
        "read_hdf",
        "read_fwf",
        "loadtxt",
        "genfromtxt",
        "fetch_openml",
        "load_dataset",
    }
)
# sklearn toy datasets returning (X, y) with return_X_y=True, or a Bunch with .data/.target.
DATASET_LOADERS_PREFIXES: tuple[str, ...] = ("load_", "fetch_", "make_")

# Metrics by the name people see. Values: the metric family name used for IMB001.
CLASSIFICATION_METRICS: dict[str, str] = {
    "accuracy_score": "accuracy",
    "balanced_accuracy_score": "balanced_accuracy",
    "f1_score": "f1",
    "fbeta_score": "f1",
    "precision_score": "precision",
    "recall_score": "recall",
    "roc_auc_score": "roc_auc",
    "average_precision_score": "average_precision",
    "precision_recall_curve": "pr_curve",
    "roc_curve": "roc_curve",
    "log_loss": "log_loss",
    "brier_score_loss": "brier",
    "classification_report": "report",
    "confusion_matrix": "confusion_matrix",
    "multilabel_confusion_matrix": "confusion_matrix",
    "ConfusionMatrixDisplay": "confusion_matrix",
    "plot_confusion_matrix": "confusion_matrix",
    "RocCurveDisplay": "roc_curve",
    "PrecisionRecallDisplay": "pr_curve",
    "plot_roc_curve": "roc_curve",
    "cohen_kappa_score": "kappa",
    "matthews_corrcoef": "mcc",
    "precision_recall_fscore_support": "f1",
    "hamming_loss": "hamming",
    "jaccard_score": "jaccard",
    "zero_one_loss": "accuracy",
    "top_k_accuracy_score": "accuracy",
}
REGRESSION_METRICS: dict[str, str] = {
    "mean_squared_error": "mse",
    "root_mean_squared_error": "rmse",
    "mean_absolute_error": "mae",
    "r2_score": "r2",
    "mean_squared_log_error": "msle",
    "root_mean_squared_log_error": "msle",
    "median_absolute_error": "medae",
    "mean_absolute_percentage_error": "mape",
    "explained_variance_score": "explained_variance",
    "max_error": "max_error",
}
METRICS: dict[str, str] = {**CLASSIFICATION_METRICS, **REGRESSION_METRICS}

# Keras `metrics=[...]` strings and sklearn `scoring=` strings that mean plain accuracy.
ACCURACY_NAMES: frozenset[str] = frozenset(
    {"accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy"}
)
CLASSIFICATION_LOSSES: frozenset[str] = frozenset(
    {
        "binary_crossentropy",
        "categorical_crossentropy",
        "sparse_categorical_crossentropy",
        "BinaryCrossentropy",
        "CategoricalCrossentropy",
        "SparseCategoricalCrossentropy",
    }
)

# pandas / NumPy reductions that compute a statistic of the rows (LEAK001 when on all rows).
STAT_METHODS: frozenset[str] = frozenset(
    {
        "mean",
        "median",
        "std",
        "var",
        "min",
        "max",
        "mode",
        "quantile",
        "nanmean",
        "nanmedian",
        "nanstd",
        "percentile",
        "nanpercentile",
        "average",
        "amax",
        "amin",
        "nanmax",
        "nanmin",
    }
)

# DataFrame methods that select a subset of rows (a named result can be a train or test part).
ROW_SUBSET_METHODS: frozenset[str] = frozenset(
    {"head", "tail", "sample", "query", "take", "nlargest", "nsmallest"}
)
# Methods whose result is not data derived row-by-row from the receiver (silence downstream).
NON_DATA_METHODS: frozenset[str] = frozenset(
    {
        "info",
        "describe",
        "value_counts",
        "nunique",
        "unique",
        "corr",
        "cov",
        "plot",
        "hist",
        "to_csv",
        "to_excel",
        "to_parquet",
        "to_pickle",
        "to_json",
        "count",
        "sum",
        "any",
        "all",
        "idxmax",
        "idxmin",
        "memory_usage",
        "keys",
        "items",
        "iteritems",
        "iterrows",
        "itertuples",
        "tolist",
        "to_dict",
        "boxplot",
        "duplicated",
        "skew",
        "kurt",
        "kurtosis",
        "nlargest_index",
    }
)
# Functions that pass data through, element-wise or by re-wrapping (lineage is kept).
PASSTHROUGH_FUNCTIONS: frozenset[str] = frozenset(
    {
        "array",
        "asarray",
        "asanyarray",
        "DataFrame",
        "Series",
        "log",
        "log1p",
        "log2",
        "log10",
        "sqrt",
        "exp",
        "expm1",
        "abs",
        "absolute",
        "clip",
        "nan_to_num",
        "expand_dims",
        "reshape",
        "squeeze",
        "ravel",
        "float32",
        "float64",
        "int64",
        "tensor",
        "Tensor",
        "from_numpy",
        "convert_to_tensor",
        "to_categorical",
        "get_dummies",
        "copy",
        "deepcopy",
        "where",
        "power",
        "square",
        "cbrt",
        "round",
        "atleast_2d",
        "ascontiguousarray",
        "transpose",
        "matrix",
        "csr_matrix",
        "FloatTensor",
        "LongTensor",
        "constant",
        "Variable",
        "sign",
        "boxcox1p",
        "pad_sequences",
        "to_numeric",
        "from_tensor_slices",
        "asmatrix",
        "toarray",
        "todense",
        "asfarray",
        "float_",
    }
)
CONCAT_FUNCTIONS: frozenset[str] = frozenset(
    {
        "concat",
        "concatenate",
        "vstack",
        "hstack",
        "row_stack",
        "column_stack",
        "append",
        "stack",
        "merge",
        "cat",
        "dstack",
    }
)
SEED_FUNCTIONS: frozenset[str] = frozenset(
    {"seed", "set_seed", "manual_seed", "seed_everything", "set_random_seed", "seed_all"}
)
TIME_METHODS: frozenset[str] = frozenset(
    {"shift", "rolling", "ewm", "expanding", "pct_change", "asfreq", "resample", "tshift"}
)
TIME_WORDS: tuple[str, ...] = ("date", "time", "timestamp")

_TRAIN_SUBSTRINGS: tuple[str, ...] = ("train",)
_TRAIN_TOKENS: frozenset[str] = frozenset({"tr", "trn", "learn"})
_TEST_SUBSTRINGS: tuple[str, ...] = ("test", "valid", "holdout", "hold_out")
_TEST_TOKENS: frozenset[str] = frozenset({"te", "tst", "val", "dev", "oot", "ts"})


_AUGMENT_WORDS: tuple[str, ...] = (
    "rotate",
    "rot90",
    "flip",
    "augment",
    "add_noise",
    "gaussian_noise",
    "random_noise",
    "jitter",
    "random_crop",
    "random_erasing",
    "elastic",
    "mixup",
    "warp",
    "zoom",
    "shear",
)


def is_augmentation(name: str) -> bool:
    """A function that makes new examples from existing ones (data augmentation)."""
    lowered = name.lower()
    return any(word in lowered for word in _AUGMENT_WORDS)


def name_role(name: str) -> int:
    """1 (train) / 2 (test or validation) / 0 from a variable or file name."""
    lowered = name.lower()
    tokens = set(re.split(r"[^a-z0-9]+", lowered))
    test = any(w in lowered for w in _TEST_SUBSTRINGS) or bool(tokens & _TEST_TOKENS)
    train = any(w in lowered for w in _TRAIN_SUBSTRINGS) or bool(tokens & _TRAIN_TOKENS)
    if test and not train:
        return 2
    if train and not test:
        return 1
    return 0


def is_time_word(column: str) -> bool:
    lowered = column.lower()
    return any(word in lowered for word in TIME_WORDS)


def estimator_category(name: str) -> str | None:
    """The kind of object a constructor call builds, or None when Coach does not know it."""
    if name in RESAMPLERS:
        return "resampler"
    if name in STATEFUL_TRANSFORMERS or name in VOCAB_ENCODERS:
        return "transformer"
    if name in SEARCHES:
        return "search"
    if name in PIPELINES:
        return "pipeline"
    if name in SPLITTERS:
        return "splitter"
    if name in MODELS or name == "IsolationForest":
        return "model"
    return None
