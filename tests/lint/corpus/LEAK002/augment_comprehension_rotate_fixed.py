# expect: none
import numpy as np
from scipy import ndimage
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

digits = np.loadtxt("../input/digits/train.csv", delimiter=",", skiprows=1)
labels = digits[:, 0]
images = digits[:, 1:].reshape(-1, 28, 28)
X_train, X_test, y_train, y_test = train_test_split(
    images, labels, test_size=0.2, stratify=labels, random_state=0
)

# augment the training images only
rotated = np.stack([ndimage.rotate(im, 12, reshape=False) for im in X_train])
X_train = np.concatenate([X_train, rotated]).reshape(-1, 28 * 28)
y_train = np.concatenate([y_train, y_train])
forest = RandomForestClassifier(n_estimators=200, random_state=0).fit(X_train, y_train)
pred = forest.predict(X_test.reshape(-1, 28 * 28))
print(accuracy_score(y_test, pred), f1_score(y_test, pred, average="macro"))
