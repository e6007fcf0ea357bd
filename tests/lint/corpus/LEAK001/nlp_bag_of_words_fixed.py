# expect: none
import re
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.metrics import confusion_matrix, f1_score

dataset = pd.read_csv("Restaurant_Reviews.tsv", delimiter="\t", quoting=3)
corpus = []
for i in range(0, 1000):
    review = re.sub("[^a-zA-Z]", " ", dataset["Review"][i]).lower()
    corpus.append(review)
y = dataset.iloc[:, 1].values
text_train, text_test, y_train, y_test = train_test_split(corpus, y, test_size=0.20, stratify=y, random_state=0)
cv = CountVectorizer(max_features=1500)
X_train = cv.fit_transform(text_train).toarray()
X_test = cv.transform(text_test).toarray()
classifier = GaussianNB()
classifier.fit(X_train, y_train)
y_pred = classifier.predict(X_test)
print(confusion_matrix(y_test, y_pred), f1_score(y_test, y_pred))
