# expect: LEAK002@15
import numpy as np
from scipy import ndimage
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

digits = np.loadtxt("../input/digits/train.csv", delimiter=",", skiprows=1)
labels = digits[:, 0]
images = digits[:, 1:].reshape(-1, 28, 28)

# augmentation: a slightly rotated copy of every digit
rotated = np.stack([ndimage.rotate(im, 12, reshape=False) for im in images])
labels_all = np.concatenate([labels, labels])
images_all = np.concatenate([images, rotated]).reshape(-1, 28 * 28)

X_train, X_test, y_train, y_test = train_test_split(
    images_all, labels_all, test_size=0.2, stratify=labels_all, random_state=0
)
forest = RandomForestClassifier(n_estimators=200, random_state=0).fit(X_train, y_train)
pred = forest.predict(X_test)
print(accuracy_score(y_test, pred), f1_score(y_test, pred, average="macro"))
